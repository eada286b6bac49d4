package org.sqnbench.nn;

/** Mean NLL loss and fraction of correctly classified samples (0..1) over a data set. */
public record Evaluation(double loss, double accuracy) {
}
