#!/usr/bin/env python3
"""Writes rich.json, the report tests' fixture: JMH JSON shaped exactly like epochs.json and kernels.json (real
output of the benchmarks) but covering everything the report draws, with made-up, seeded numbers:
both networks, all five optimizers, EpochTime at batch 64 and 128 (MB-LBFGS at m=5 and m=10 for batch 64),
Convergence with 2 seeds x 15 epochs, a diverging SGD-BB on the CNN (seed 2 from epoch 6, EpochTime fork 2 from
epoch 4), and every kernel, with the gradients and SGD update the overhead model needs (added last, so that
the numbers drawn before them stay as they were). Run from this directory: python3 make_rich_fixture.py
"""
import copy
import json
import math
import random

rnd = random.Random(20240601)
epochs = json.load(open("epochs.json"))
kernels = json.load(open("kernels.json"))
EPOCH_TEMPLATE = next(r for r in epochs if r["benchmark"].endswith("EpochTimeBenchmark.epoch"))
KERNEL_TEMPLATE = kernels[0]
PERCENTILES = ["0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0"]


def metric(raw, unit):
    flat = sorted(v for fork in raw for v in fork)
    mean = sum(flat) / len(flat) if flat else float("nan")
    pct = {}
    for p in PERCENTILES:
        i = min(len(flat) - 1, max(0, math.ceil(float(p) / 100 * len(flat)) - 1))
        pct[p] = flat[i]
    return {"score": mean, "scoreError": "NaN", "scoreConfidence": ["NaN", "NaN"], "scorePercentiles": pct,
            "scoreUnit": unit, "rawData": raw}


def noisy(value, rel):
    return value * (1 + rnd.gauss(0, rel))


SAMPLES = {"mlp": 8000, "cnn": 5000}
BASE_MS = {"mlp": 300.0, "cnn": 6000.0}
FACTOR = {"sgd": 1.0, "momentum": 1.03, "adam": 1.08, "sgd-bb": 1.01}
FINAL_LOSS = {"sgd": 0.35, "momentum": 0.22, "adam": 0.12, "sgd-bb": 0.28, "mb-lbfgs": 0.15}


def sample_gradients(network, optimizer, batch):
    n = SAMPLES[network]
    if optimizer != "mb-lbfgs":
        return (n // batch) * batch
    l = round(0.25 * batch)
    return ((n - l) // (batch - l)) * batch


N = {"mlp": 109386, "cnn": 4109882}
# effective bandwidth of the L-BFGS kernels, GB/s: the MLP's vectors mostly stay in cache
KERNEL_GBS = {"mlp": 40.0, "cnn": 24.0}


def product_ms(network, form, m):
    return (10 if form == "two-loop" else 4) * m * N[network] * 4 / KERNEL_GBS[network] / 1e6 * 1.3


def add_pair_ms(network, form, m):
    return ((2 * m * N[network] if form == "compact" else 0) + 4 * N[network]) * 4 / KERNEL_GBS[network] / 1e6 * 1.3


def epoch_result(kind, network, optimizer, batch, memory, seed, forks, iterations, warmup, diverge=None):
    r = copy.deepcopy(EPOCH_TEMPLATE)
    r["benchmark"] = "org.sqnbench.bench.%sBenchmark.epoch" % kind
    r["forks"] = forks
    r["warmupIterations"] = warmup
    r["measurementIterations"] = iterations
    r["params"] = {"batchSize": str(batch), "data": "embedded", "learningRate": "0", "memory": str(memory),
                   "network": network, "optimizer": optimizer, "overlap": "0.25", "overlapGradient": "reuse",
                   "seed": str(seed), "threads": "0", "trainSize": "5000" if network == "cnn" else "0"}
    scale = BASE_MS[network] * FACTOR.get(optimizer, 1.0) * (64 / batch) ** 0.15
    if optimizer == "mb-lbfgs":
        # consistent with the kernels below: SGD's time per sample-gradient x more sample-gradients, plus the
        # inverse-Hessian product and pair updates per step, plus 5% bookkeeping
        sgd = BASE_MS[network] * (64 / batch) ** 0.15
        grads = sample_gradients(network, optimizer, batch)
        steps = grads / batch
        scale = (sgd * grads / sample_gradients(network, "sgd", batch) + 0.05 * sgd
                 + steps * (product_ms(network, "compact", memory) + add_pair_ms(network, "compact", memory)))
    times, losses, tests, accs, grads, skipped, threads, diverged = ([] for _ in range(8))
    for f in range(forks):
        t, lo, te, ac, g, sk, th, dv = ([] for _ in range(8))
        gone = False
        for i in range(iterations):
            gone = gone or (diverge is not None and diverge[0] == f and i >= diverge[1])
            first = 1.6 if kind == "Convergence" and i == 0 else 1.0
            if gone:
                # what TrainingRun records after divergence: no work, zero metrics, diverged = 1
                t.append(0.004); lo.append(0.0); te.append(0.0); ac.append(0.0); g.append(0.0); sk.append(0.0)
                dv.append(1.0)
            else:
                t.append(noisy(scale * first, 0.03))
                loss = FINAL_LOSS[optimizer] + (2.3 - FINAL_LOSS[optimizer]) * math.exp(-0.45 * (i + 1))
                lo.append(noisy(loss, 0.02)); te.append(noisy(loss * 1.1, 0.02))
                ac.append(min(0.99, 1 - noisy(loss, 0.02) / 2.6))
                g.append(float(sample_gradients(network, optimizer, batch)))
                sk.append(float(rnd.randint(0, 3)) if optimizer == "mb-lbfgs" else 0.0)
                dv.append(0.0)
            th.append(1.0 if network == "mlp" else 2.0)
        for dst, src in zip((times, losses, tests, accs, grads, skipped, threads, diverged), (t, lo, te, ac, g, sk, th, dv)):
            dst.append(src)
    r["primaryMetric"] = metric(times, "ms/op")
    # MB-LBFGS's memory mostly full at its products; the others hold no pairs
    held = [[0.9 * memory if optimizer == "mb-lbfgs" and not dv else 0.0 for dv in fork] for fork in diverged]
    r["secondaryMetrics"] = {name: metric(raw, "#") for name, raw in (
        ("diverged", diverged), ("pairsHeld", held), ("sampleGradients", grads), ("skippedPairs", skipped), ("testAccuracy", accs),
        ("testLoss", tests), ("threads", threads), ("trainLoss", losses))}
    return r


def kernel(benchmark, params, ms, forks=1, iterations=5):
    r = copy.deepcopy(KERNEL_TEMPLATE)
    r["benchmark"] = "org.sqnbench.bench." + benchmark
    r["params"] = params
    r["warmupIterations"] = 3
    r["warmupTime"] = "1 s"
    r["measurementIterations"] = iterations
    r["measurementTime"] = "1 s"
    r["primaryMetric"] = metric([[noisy(ms, 0.02) for _ in range(iterations)] for _ in range(forks)], "ms/op")
    return r


results = []
for network in ("mlp", "cnn"):
    for optimizer in ("sgd", "momentum", "adam", "sgd-bb", "mb-lbfgs"):
        for batch in (64, 128):
            memories = (5, 10) if optimizer == "mb-lbfgs" and batch == 64 else (10,)
            for m in memories:
                div = (1, 3) if (network, optimizer) == ("cnn", "sgd-bb") and batch == 64 else None
                results.append(epoch_result("EpochTime", network, optimizer, batch, m, 1, 2, 5, 2, div))
        for seed in (1, 2):
            div = (0, 5) if (network, optimizer, seed) == ("cnn", "sgd-bb", 2) else None
            results.append(epoch_result("Convergence", network, optimizer, 64, 10, seed, 1, 15, 0, div))

GBS = {"1": 14.0, "2": 24.0}
for threads, gbs in GBS.items():
    results.append(kernel("MemoryBandwidthBenchmark.triad", {"threads": threads}, 12 * 2 ** 25 / gbs / 1e6))
results.append(kernel("CalibrationBenchmark.sgemm", {"threads": "1"}, 6.7))
for network in ("mlp", "cnn"):
    n = N[network]
    bw = KERNEL_GBS[network]
    for form in ("two-loop", "compact"):
        for m in (5, 10, 20):
            p = {"form": form, "memory": str(m), "network": network, "threads": "0"}
            results.append(kernel("InverseHessianBenchmark.product", p, product_ms(network, form, m)))
            results.append(kernel("InverseHessianBenchmark.addPair", p, add_pair_ms(network, form, m)))
    per_sample = 0.035 if network == "mlp" else 0.9
    for l in (16, 32, 64):
        results.append(kernel("OverlapGradientBenchmark.overlapGradient",
                              {"network": network, "overlapSize": str(l), "threads": "0"}, 0.3 + per_sample * l))
    results.append(kernel("GradientFloorBenchmark.gradient", {"batchSize": "64", "network": network, "threads": "0"},
                          0.25 + per_sample * 64))
    results.append(kernel("BbStepBenchmark.bbStep", {"network": network, "threads": "0"}, 9 * n * 4 / bw / 1e6 * 1.2))

for network in ("mlp", "cnn"):
    per_sample = 0.035 if network == "mlp" else 0.9
    results.append(kernel("GradientFloorBenchmark.gradient", {"batchSize": "128", "network": network, "threads": "0"},
                          0.25 + per_sample * 128))
    results.append(kernel("UpdateBenchmark.update", {"method": "sgd", "network": network, "threads": "0"},
                          3 * N[network] * 4 / KERNEL_GBS[network] / 1e6))

# the cost model prices a vector pass at the triad bandwidth of the epochs' own thread setting ("0" here); at the
# highest bandwidth above, so that every other figure, which falls back to the highest, stays the same
results.append(kernel("MemoryBandwidthBenchmark.triad", {"threads": "0"}, 12 * 2 ** 25 / GBS["2"] / 1e6))

# the handoff between vector calls and a gradient, which the cost model charges per step: none here, so that the
# model's figures stay those of the kernels above
for network in ("mlp", "cnn"):
    p = {"gradientSamples": "64", "network": network, "threads": "0"}
    results.append(kernel("HandoffBenchmark.gradient", p, 0.5))
    results.append(kernel("HandoffBenchmark.axpy", p, 0.25))
    results.append(kernel("HandoffBenchmark.axpyThenGradient", p, 0.75))

# MB-LBFGS's batch gradient with its parts kept apart, which the cost model prices a step's gradient with: the
# batch-64 gradient and a little for the three smaller weight-gradient products
for network in ("mlp", "cnn"):
    per_sample = 0.035 if network == "mlp" else 0.9
    results.append(kernel("PartGradientsBenchmark.partGradients",
                          {"batchSize": "64", "network": network, "overlap": "0.25", "threads": "0"},
                          0.3 + per_sample * 64))

with open("rich.json", "w") as out:
    json.dump(results, out, indent=4)
    out.write("\n")
