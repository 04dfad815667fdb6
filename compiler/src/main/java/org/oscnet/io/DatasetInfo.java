package org.oscnet.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.oscnet.model.Dataset;

/**
 * The {@code dataset} section every trained file carries: which data, how split, how many rows,
 * and how raw rows were scaled ({@code input_scaling}; absent in files written before it was).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DatasetInfo(String name, String split, int trainRows, int testRows, Integer sequenceLength,
        List<String> classes, InputScaling inputScaling) {

    static DatasetInfo of(Dataset dataset) {
        return new DatasetInfo(dataset.name(), dataset.split(), dataset.train().size(), dataset.test().size(), null,
                dataset.classNames(), InputScaling.of(dataset.featureMap()));
    }

    /** For sequence data: how many points each sample feeds, one per input period. */
    DatasetInfo withSequenceLength(int length) {
        return new DatasetInfo(name, split, trainRows, testRows, length, classes, inputScaling);
    }
}
