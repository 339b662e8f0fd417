# deepvanet-nb: two commands do everything on a fresh machine.
#   make demo   — set up .venv, write a small synthetic DEAP set, prepare it, cross-validate DeepVANet, write the report
#   make bench  — speed figures against the original data path (outputs/bench.json)
#   make test   — set up .venv (and Chromium, KaTeX), check library/notebooks/README are in sync and clean, build the site and
#                 open every page, drive the explorer in a live JupyterLab, run every notebook as a test;
#                 make test NB=nbs/33_eval.chance.ipynb runs one notebook (plus the sync checks)
#   make lab    — JupyterLab from .venv, to run the notebooks step by step
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO ?= data/demo
DEMO_TRIALS ?= 40
DEMO_SECONDS ?= 5
DEMO_FOLDS ?= 5
DEMO_EPOCHS ?= 8
DEMO_PERMUTATIONS ?= 80
EXP ?= data/experiments
EXP_EPOCHS ?= 3

.PHONY: demo experiments datasets bench bench-check gpu-check gpu-wheels test lab install preview docs-check readme figures clean

# The virtual environment and everything the checks need come from one script, tools/setup.sh (demo, test, lab, CI).
$(STAMP): pyproject.toml
	@VENV=$(VENV) PYTHON=$(PYTHON) bash tools/setup.sh

install: $(STAMP)

demo: $(STAMP)
	@echo "== 1/6 Writing a synthetic DEAP folder (1 subject, $(DEMO_TRIALS) trials of $(DEMO_SECONDS) s, face videos at 50 fps) to $(DEMO)/deap"
	$(BIN)/deepvanet synth deap --out $(DEMO)/deap --subjects 1 --trials $(DEMO_TRIALS) --seconds $(DEMO_SECONDS) --seed 0
	@echo "== 2/6 Preparing it: 1-s segments, baseline removal, faces detected, aligned and cropped to 64x64"
	$(BIN)/deepvanet prepare deap --root $(DEMO)/deap --store $(DEMO)/store
	@echo "== 3/6 Pretraining the face CNN on AFEW-VA, as the paper says (here its synthetic twin, on valence/arousal regression; kept in $(DEMO)/face_cnn.pt)"
	@if [ -f $(DEMO)/face_cnn.pt ]; then echo "   $(DEMO)/face_cnn.pt is there already: reusing it (delete it to pretrain again)"; fi
	@$(MAKE) --no-print-directory $(DEMO)/face_cnn.pt
	@echo "== 4/6 Cross-validating valence. First the leak: the EEG network with the paper's segment-shuffled folds vs folds by trial"
	$(BIN)/deepvanet cv --store $(DEMO)/store --results outputs/demo_results.jsonl --protocols paper trial --modalities eeg --labels valence \
	    --n-splits $(DEMO_FOLDS) --epochs 10 --device cpu
	@echo "==     then face alone, bio alone and DeepVANet (feature fusion) by trial, the face CNN starting from the pretrained weights;"
	@echo "==     $(DEMO_FOLDS) folds of $(DEMO_EPOCHS) epochs; finished folds are kept if you stop it"
	$(BIN)/deepvanet cv --store $(DEMO)/store --results outputs/demo_results.jsonl --protocols trial --modalities face bio fusion --labels valence \
	    --n-splits $(DEMO_FOLDS) --epochs $(DEMO_EPOCHS) --device cpu --pretrained-face $(DEMO)/face_cnn.pt
	@echo "==     and is it above chance? The bio network again on $(DEMO_PERMUTATIONS) label permutations (whole trials shuffled), stacked:"
	@echo "==     the report tests its 4 leak-free results as one family (Holm), which needs 4/0.05 = 80 permutations to pass at all"
	$(BIN)/deepvanet cv --store $(DEMO)/store --results outputs/demo_results.jsonl --protocols trial --modalities bio --labels valence \
	    --n-splits $(DEMO_FOLDS) --epochs $(DEMO_EPOCHS) --device cpu --permutations $(DEMO_PERMUTATIONS)
	@echo "== 5/6 The report: Table 2, ablation chart, is it above chance, t-SNE of the features, the leak gap"
	$(BIN)/deepvanet report --results outputs/demo_results.jsonl --out outputs/demo_report
	@echo "== 6/6 A model to keep: DeepVANet trained on every trial (valence and arousal), exported to one file, then loaded and"
	@echo "==     applied to trial 1 straight from the DEAP folder, second by second (a trial it has seen; a recording of your own"
	@echo "==     goes in as --video face.avi --bdf signals.bdf)"
	$(BIN)/deepvanet train --store $(DEMO)/store --subjects 1 --labels both --epochs $(DEMO_EPOCHS) --device cpu --quiet \
	    --pretrained-face $(DEMO)/face_cnn.pt --all-trials --export outputs/demo_model.pkl
	$(BIN)/deepvanet predict --model outputs/demo_model.pkl --root $(DEMO)/deap --subject 1 --trials 1 --out outputs/demo_predictions --device cpu
	@echo "== Done. Open outputs/demo_report/report.md and outputs/demo_predictions/trace.png"

# Every experiment of the paper at toy size on a 3-subject synthetic set (CPU: about a quarter of an hour):
# the six-modality ablation on subject 1 by trial and by the paper's folds (the face CNN pretrained on the AFEW-VA twin, and by trial
# also from scratch), inter-subject by subject, a 2x2 corner of the λ grid.
experiments: $(STAMP) $(EXP)/face_cnn.pt
	$(BIN)/deepvanet synth deap --out $(EXP)/deap --subjects 3 --trials 20 --seconds 6 --fps 10 --seed 0
	$(BIN)/deepvanet prepare deap --root $(EXP)/deap --store $(EXP)/store --video-fps 10
	$(BIN)/deepvanet cv --store $(EXP)/store --results outputs/experiments.jsonl --protocols trial paper --modalities all --subjects 1 \
	    --n-splits 5 --epochs $(EXP_EPOCHS) --device cpu --pretrained-face $(EXP)/face_cnn.pt
	$(BIN)/deepvanet cv --store $(EXP)/store --results outputs/experiments.jsonl --protocols trial --modalities face fusion-feature fusion-decision \
	    --subjects 1 --n-splits 5 --epochs $(EXP_EPOCHS) --device cpu --pretrained-face none
	$(BIN)/deepvanet cv --store $(EXP)/store --results outputs/experiments.jsonl --protocols subject --modalities fusion \
	    --n-splits 3 --epochs $(EXP_EPOCHS) --device cpu --pretrained-face $(EXP)/face_cnn.pt
	$(BIN)/deepvanet grid --store $(EXP)/store --results outputs/experiments.jsonl --lambda-faces 16 64 --lambda-bios 16 64 \
	    --subjects 1 --n-splits 5 --epochs $(EXP_EPOCHS) --device cpu --pretrained-face $(EXP)/face_cnn.pt
	$(BIN)/deepvanet report --results outputs/experiments.jsonl --out outputs/experiments_report

# The face CNN pretrained on valence/arousal, as the paper pretrains it on AFEW-VA (here on its synthetic twin):
# made once in a folder (data/demo/face_cnn.pt, data/experiments/face_cnn.pt), then reused.
%/face_cnn.pt: | $(STAMP)
	$(BIN)/deepvanet synth afewva --out $*/afewva --clips 60 --frames 12 --seed 0
	$(BIN)/deepvanet pretrain afewva --root $*/afewva --out $@ --epochs 10 --bs 32 --device cpu --quiet

# The paper's other sources from their synthetic twins, each in its real file layout and prepared with one command:
# DEAP's raw BDFs (preprocessed here through MNE), MAHNOB-HCI sessions, and AFEW-VA with the face CNN pretrained on it.
DATA ?= data/datasets
datasets: $(STAMP)
	$(BIN)/deepvanet synth deap-raw --out $(DATA)/deap --subjects 2 --trials 8 --seconds 10 --fps 10
	$(BIN)/deepvanet prepare deap-raw --root $(DATA)/deap --store $(DATA)/store_deap_raw --video-fps 10
	$(BIN)/deepvanet synth mahnob --out $(DATA)/mahnob --subjects 2 --trials 6 --seconds 10 --fps 10
	$(BIN)/deepvanet prepare mahnob --root $(DATA)/mahnob --store $(DATA)/store_mahnob
	$(BIN)/deepvanet cv --store $(DATA)/store_mahnob --results outputs/mahnob.jsonl --protocols trial --modalities bio fusion \
	    --labels valence --n-splits 3 --epochs 3 --device cpu
	$(BIN)/deepvanet synth afewva --out $(DATA)/afewva --clips 24 --frames 12
	$(BIN)/deepvanet pretrain afewva --root $(DATA)/afewva --out outputs/face_cnn.pt --epochs 8 --bs 32 --device cpu
	$(BIN)/deepvanet train --store $(DATA)/store_deap_raw --subject 1 --labels valence --inputs face --epochs 3 --device cpu \
	    --pretrained-face outputs/face_cnn.pt

# Speed figures on this machine (a GPU if there is one): every training path on one DEAP-size subject at batch 64, the whole
# protocol, permutations, faces, prediction on a recording (its real-time factor), memory, timed in interleaved rounds against
# the original code's data path (medians, spreads, per-round ratios); saved for `deepvanet report --bench`. Compare two runs with `deepvanet bench --compare A B`.
bench: $(STAMP)
	$(BIN)/deepvanet bench --out outputs/bench.json

# Are the bench's ratios reproducible on this machine? Two runs, one straight after the other, then every ratio compared
# (15 % by default; BENCH_ARGS="--quick" for a rough check in a minute). Not part of `make test`: timings depend on the load.
BENCH_ARGS ?=
bench-check: $(STAMP)
	$(BIN)/deepvanet bench $(BENCH_ARGS) --out outputs/bench-1.json
	$(BIN)/deepvanet bench $(BENCH_ARGS) --out outputs/bench-2.json
	$(BIN)/deepvanet bench --compare outputs/bench-1.json outputs/bench-2.json

# On a lent GPU machine, one call (under 8 minutes on one H200): `deepvanet bench` at DEAP size, stacked-vs-single
# equivalence and bf16 accuracy on CUDA, the `cuda`-flagged notebook cells; everything in outputs/gpu_check/.
# A bare machine (Python + torch, no registry) takes the wheels `make gpu-wheels` puts in .whl/ (fetched here).
gpu-check:
	bash tools/gpu_check.sh outputs/gpu_check

gpu-wheels: $(STAMP)
	rm -rf .whl && $(PYTHON) -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
	    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .whl \
	    $$(grep -v '^#' tools/gpu_wheels.txt | tr ' ' '\n' | grep . | while read n; do echo "$$n==$$($(BIN)/pip show $$n | awk '/^Version/{print $$2}')"; done)

# NB=nbs/X.ipynb (one or more, space-separated) runs those notebooks and the sync checks only; JOBS=1 runs the notebooks one
# at a time (default: one per core); TEST_FLAGS="slow" also runs the cells flagged so.
NB ?=
JOBS ?=
test: $(STAMP)
	@VENV=$(VENV) bash tools/setup.sh $(if $(NB),,chromium katex)
	@VENV=$(VENV) NB="$(NB)" JOBS="$(JOBS)" bash tools/test.sh

# The notebooks step by step, in a live kernel: JupyterLab from the project's .venv (its python3 kernel is the venv's).
# LAB_ARGS passes options on (e.g. LAB_ARGS="--no-browser --port 8890"); as root it adds --allow-root.
LAB_ARGS ?=
lab: $(STAMP)
	cd nbs && ../$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

# Documentation preview without Quarto: processed notebooks rendered to HTML in _preview/.
# Where Quarto is installed, `nbdev-docs` builds the real site from nbs/_quarto.yml.
preview: $(STAMP)
	@VENV=$(VENV) bash tools/setup.sh katex
	@VENV=$(VENV) bash tools/preview.sh

# Every preview page opened in headless Chromium (Debian: apt-get install chromium): broken links, missing images,
# page errors, math left as raw LaTeX and anything wider than the content column fail it (and the check first proves it
# catches the last two on planted pages); screenshots of every page land in _preview/shots/. `make test` runs it too.
docs-check: preview
	@VENV=$(VENV) bash tools/setup.sh chromium
	$(BIN)/python tools/docs_check.py

readme: $(STAMP)
	$(BIN)/python tools/readme.py > README.md

figures: $(STAMP)
	$(BIN)/python -c "from deepvanet_nb.models import plot_architecture; plot_architecture('nbs/images/architecture.png')"

clean:
	rm -rf _proc _preview _docs outputs
