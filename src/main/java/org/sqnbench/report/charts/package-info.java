/**
 * The charts (XChart): one class per chart family over shared parts and one style, the plan of which charts the
 * results allow, and PNG/SVG writing. Depends on {@code report.analysis}, {@code report.results},
 * {@code report.text} (number formats) and {@code study} (chart identities).
 */
package org.sqnbench.report.charts;
