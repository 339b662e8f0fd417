# deepvanet-nb: two commands do everything on a fresh machine.
#   make demo   — set up .venv, write a small synthetic DEAP set, prepare it, train DeepVANet, report accuracy
#   make test   — set up .venv, check library/notebooks/README are in sync and clean, run every notebook as a test
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO ?= data/demo
DEMO_EPOCHS ?= 15

.PHONY: demo test install preview readme figures clean

# torch 2.14.1 + torchvision 0.29.1 first (prebuilt on these machines' local disk, so pip takes them
# instead of downloading); anywhere else, pip's newest matching torch.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "== Installing into $(VENV) (first run only)"
	$(BIN)/python -m pip install -q torch==2.14.1 torchvision==0.29.1 || $(BIN)/python -m pip install -q torch torchvision
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

install: $(STAMP)

demo: $(STAMP)
	@echo "== 1/3 Writing a synthetic DEAP folder (1 subject, 32 trials of 12 s, face videos at 50 fps) to $(DEMO)/deap"
	$(BIN)/deepvanet synth deap --out $(DEMO)/deap --subjects 1 --trials 32 --seconds 12 --seed 0
	@echo "== 2/3 Preparing it: 1-s segments, baseline removal, faces detected, aligned and cropped to 64x64"
	$(BIN)/deepvanet prepare deap --root $(DEMO)/deap --store $(DEMO)/store
	@echo "== 3/3 Training DeepVANet (feature fusion) on subject 1; 25% of the trials are held out"
	$(BIN)/deepvanet train --store $(DEMO)/store --subject 1 --label both --epochs $(DEMO_EPOCHS) --device cpu \
	    --plot outputs/demo_learning_curves.png --json outputs/demo_results.json
	@echo "== Done. Learning curves: outputs/demo_learning_curves.png"

test: $(STAMP)
	@VENV=$(VENV) bash tools/test.sh

# Documentation preview without Quarto: processed notebooks rendered to HTML in _preview/.
# Where Quarto is installed, `nbdev-docs` builds the real site from nbs/_quarto.yml.
preview: $(STAMP)
	@VENV=$(VENV) bash tools/preview.sh

readme: $(STAMP)
	$(BIN)/python tools/readme.py > README.md

figures: $(STAMP)
	$(BIN)/python -c "from deepvanet_nb.models import plot_architecture; plot_architecture('nbs/images/architecture.png')"

clean:
	rm -rf _proc _preview _docs outputs
