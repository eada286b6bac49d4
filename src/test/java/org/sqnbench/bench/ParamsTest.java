package org.sqnbench.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.sqnbench.data.DataException;

class ParamsTest {
    static String reject(Class<? extends RuntimeException> type, String... args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        return assertThrows(type, () -> Params.validate(cli)).getMessage();
    }

    @Test
    void badValuesAreRejectedWithTheirName() throws Exception {
        assertEquals("unknown network 'resnet', expected one of [mlp, cnn]",
                reject(IllegalArgumentException.class, "-p", "network=mlp,resnet"));
        assertEquals("unknown optimizer 'lbfgs', expected one of [sgd, momentum, adam, sgd-bb, mb-lbfgs]",
                reject(IllegalArgumentException.class, "-p", "optimizer=lbfgs"));
        assertEquals("method: 'mb-lbfgs' is not one of sgd, momentum, adam, sgd-bb (MB-LBFGS's update is the"
                + " InverseHessian benchmark)", reject(IllegalArgumentException.class, "-p", "method=mb-lbfgs"));
        assertEquals("unknown overlapGradient 'both', expected reuse or recompute",
                reject(IllegalArgumentException.class, "-p", "overlapGradient=both"));
        assertEquals("batchSize: 'sixty' is not an integer", reject(IllegalArgumentException.class, "-p", "batchSize=sixty"));
        assertEquals("batchSize: 0 is below the minimum 1", reject(IllegalArgumentException.class, "-p", "batchSize=0"));
        assertEquals("overlap: 0.5 must be in (0, 0.5)", reject(IllegalArgumentException.class, "-p", "overlap=0.5"));
        // l = round(0.1 · 4) = 0, and at the default r = 0.25, l = round(0.5) = 1 = b/2 for b = 2
        assertEquals("overlap 0.1 of batch 4 gives 0 shared samples; need 1 <= l < batch/2",
                reject(IllegalArgumentException.class, "-p", "batchSize=64,4", "-p", "overlap=0.25,0.1"));
        assertEquals("overlap 0.25 of batch 2 gives 1 shared samples; need 1 <= l < batch/2",
                reject(IllegalArgumentException.class, "-p", "optimizer=mb-lbfgs", "-p", "batchSize=2"));
        assertEquals("learningRate: 'fast' is not a number", reject(IllegalArgumentException.class, "-p", "learningRate=fast"));
        assertEquals("unknown form 'dense', expected two-loop or compact", reject(IllegalArgumentException.class, "-p", "form=dense"));
        assertEquals("unknown curvature 'powell', expected damp, skip or skip-norm",
                reject(IllegalArgumentException.class, "-p", "curvature=powell"));
        assertEquals("curvatureEpsilon: 1 must be below 1 for curvature=damp",
                reject(IllegalArgumentException.class, "-p", "curvature=damp", "-p", "curvatureEpsilon=1"));
        assertEquals("unknown bbSmoothing 'log', expected k or none",
                reject(IllegalArgumentException.class, "-p", "bbSmoothing=log"));
        assertEquals("unknown epochForm 'foo', expected pass or iterations",
                reject(IllegalArgumentException.class, "-p", "epochForm=foo"));
        assertEquals("gradientSamples: 'abc' is not an integer",
                reject(IllegalArgumentException.class, "-p", "gradientSamples=abc"));
        String missing = reject(DataException.class, "-p", "network=mlp", "-p", "data=/no/such/dir");
        assertEquals("/no/such/dir: data directory not found (use 'embedded' or a directory of MNIST IDX files)", missing);
    }

    @Test
    void goodValuesPass() throws Exception {
        CommandLineOptions cli = new CommandLineOptions("-p", "network=mlp,cnn", "-p", "optimizer=sgd,mb-lbfgs",
                "-p", "data=embedded", "-p", "overlap=0.2", "-p", "threads=0,2", "-p", "overlapGradient=recompute",
                "-p", "curvature=skip-norm,skip", "-p", "curvatureEpsilon=1", "-p", "bbSmoothing=k,none",
                "-p", "bbMaxStep=Infinity", "-p", "batchSize=16,64");
        assertDoesNotThrow(() -> Params.validate(cli));
        // a batch too small for MB-LBFGS's overlap is fine when MB-LBFGS is not asked for
        assertDoesNotThrow(() -> Params.validate(new CommandLineOptions("-p", "optimizer=sgd", "-p", "batchSize=2")));
    }

    @Test
    void parameterNamesAreReadFromTheCommandLine() {
        assertEquals(List.of("network", "optimiser", "seed"),
                Params.parameterNames(new String[] {"EpochTime", "-p", "network=mlp", "-poptimiser=adam", "-f", "1",
                        "-p", "seed=1,2"}));
    }

    @Test
    void aNameOnlyOtherBenchmarksDeclareIsRefused() throws Exception {
        String[] args = {"BbStep", "-p", "optimizer=adam"};
        CommandLineOptions cli = new CommandLineOptions(args);
        String m = assertThrows(IllegalArgumentException.class, () -> Params.checkNames(args, cli)).getMessage();
        assertEquals("-p optimizer: no selected benchmark has this parameter; theirs are network, threads", m);
        String[] ok = {"EpochTime", "-p", "optimizer=adam", "-prof", "gc"};
        assertDoesNotThrow(() -> Params.checkNames(ok, new CommandLineOptions(ok)));
    }
}
