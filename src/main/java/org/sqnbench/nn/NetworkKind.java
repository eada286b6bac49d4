package org.sqnbench.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.sqnbench.data.Datasets;
import org.sqnbench.study.StudyNetwork;

/** The two networks of the study, by their command-line names. */
public enum NetworkKind {
    MLP(Datasets.Format.MNIST, StudyNetwork.MLP),
    CNN(Datasets.Format.CIFAR, StudyNetwork.CNN);

    private final Datasets.Format format;
    private final StudyNetwork study;

    NetworkKind(Datasets.Format format, StudyNetwork study) {
        this.format = format;
        this.study = study;
    }

    /** The study's facts about this network (name, parameter count, FLOPs per sample). */
    public StudyNetwork study() {
        return study;
    }

    /** The data format the network reads. */
    public Datasets.Format format() {
        return format;
    }

    /** Parameter count n; a test checks that the built network has it. */
    public long params() {
        return study.params();
    }

    public Network create(DataType dtype, long seed) {
        return this == MLP ? new Mlp(dtype, seed) : new Cnn(dtype, seed);
    }

    public String cliName() {
        return study.cliName();
    }

    /** Parses a command-line name; an unknown one is an {@link IllegalArgumentException} listing the valid ones. */
    public static NetworkKind parse(String name) {
        for (NetworkKind k : values()) {
            if (k.cliName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown network '" + name + "', expected one of "
                + Arrays.stream(values()).map(NetworkKind::cliName).toList());
    }
}
