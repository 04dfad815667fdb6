package org.oscnet.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded, split and scaled dataset. {@code split} says in words how rows were assigned
 * (for reports); {@code scaling} what the dataset block asked for, {@code featureMap} the numbers
 * that turned raw features into the values in the samples.
 */
public record Dataset(String name, Path file, List<String> classNames, int featureCount, Samples train, Samples test,
        String split, FeatureScaling scaling, FeatureMap featureMap) {

    public Dataset {
        classNames = List.copyOf(classNames);
    }

    public int classCount() {
        return classNames.size();
    }

    public int classIndex(String className) {
        return classNames.indexOf(className);
    }
}
