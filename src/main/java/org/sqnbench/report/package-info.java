/**
 * The {@code report} command: JMH JSON in, charts and report.md out, written all or nothing into the output folder.
 * Its jobs are in sub-packages, each depending only on those before it and on {@code study}:
 * {@link org.sqnbench.report.results} (reading), {@link org.sqnbench.report.analysis} (numbers),
 * {@link org.sqnbench.report.text} (words), {@link org.sqnbench.report.charts} (pictures). Nothing in the report
 * loads ND4J.
 */
package org.sqnbench.report;
