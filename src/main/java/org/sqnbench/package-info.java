/**
 * Entry point of benchmarks.jar ({@link org.sqnbench.Main}): the standard study, the project's own commands and
 * JMH's command line. May depend on every package below it.
 */
package org.sqnbench;
