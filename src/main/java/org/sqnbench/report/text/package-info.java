/**
 * The written report: report.md and the console text of the verdict and the conclusions, and the number formats
 * every output shares. Depends on {@code report.analysis}, {@code report.results} and {@code study}.
 */
package org.sqnbench.report.text;
