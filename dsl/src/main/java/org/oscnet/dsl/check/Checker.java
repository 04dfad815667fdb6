package org.oscnet.dsl.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Span;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.Network;
import org.oscnet.model.Training;

/**
 * Checks a parsed file and builds the {@link Design}. Passes run in data-flow order (datasets,
 * networks, trainings, hardware); each reports every problem it finds and goes on, and a
 * declaration that failed is left out quietly downstream so one mistake gives one message.
 */
public final class Checker {
    private final Diagnostics diagnostics;

    public Checker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The design, or empty when any error was reported (all of them are). */
    public Optional<Design> check(Ast.File file) {
        long errorsBefore = diagnostics.errorCount();
        List<Ast.DatasetDecl> datasetDecls = declarations(file, Ast.DatasetDecl.class);
        List<Ast.NetworkDecl> networkDecls = declarations(file, Ast.NetworkDecl.class);
        List<Ast.TrainDecl> trainDecls = declarations(file, Ast.TrainDecl.class);
        List<Ast.HardwareDecl> hardwareDecls = declarations(file, Ast.HardwareDecl.class);

        Set<String> datasetNames = unique(datasetDecls.stream().map(Ast.DatasetDecl::name).toList(), "dataset");
        Set<String> networkNames = unique(networkDecls.stream().map(Ast.NetworkDecl::name).toList(), "network");
        unique(trainDecls.stream().map(Ast.TrainDecl::network).toList(), "train block for network");
        unique(hardwareDecls.stream().map(Ast.HardwareDecl::network).toList(), "hardware block for network");

        Map<String, Dataset> datasets = new LinkedHashMap<>();
        DatasetChecker datasetChecker = new DatasetChecker(file.source(), diagnostics);
        for (Ast.DatasetDecl decl : datasetDecls) {
            datasetChecker.check(decl).ifPresent(d -> datasets.putIfAbsent(d.name(), d));
        }

        Map<String, Network> networks = new LinkedHashMap<>();
        NetworkChecker networkChecker = new NetworkChecker(datasets, datasetNames, diagnostics);
        for (Ast.NetworkDecl decl : networkDecls) {
            networkChecker.check(decl).ifPresent(n -> networks.putIfAbsent(n.name(), n));
        }

        List<Training> trainings = new ArrayList<>();
        TrainingChecker trainingChecker = new TrainingChecker(diagnostics);
        for (Ast.TrainDecl decl : trainDecls) {
            Optional<Network> network = Names.resolve(decl.network(), "network", networks, networkNames, diagnostics);
            Optional<Dataset> dataset = Names.resolve(decl.dataset(), "dataset", datasets, datasetNames, diagnostics);
            Optional<Dataset> networkDataset = network.map(n -> datasets.get(n.dataset()));
            trainingChecker.check(decl, network, dataset, networkDataset).ifPresent(trainings::add);
        }

        List<HardwareTarget> hardware = new ArrayList<>();
        HardwareChecker hardwareChecker = new HardwareChecker(diagnostics);
        for (Ast.HardwareDecl decl : hardwareDecls) {
            Optional<Network> network = Names.resolve(decl.network(), "network", networks, networkNames, diagnostics);
            hardwareChecker.check(decl, network).ifPresent(hardware::add);
        }

        if (diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Design(file.source().path(), List.copyOf(datasets.values()),
                List.copyOf(networks.values()), trainings, hardware));
    }

    private static <T extends Ast.Declaration> List<T> declarations(Ast.File file, Class<T> type) {
        return file.declarations().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Declared names of one kind; a second declaration of a name is an error. */
    private Set<String> unique(List<Ast.Name> names, String kind) {
        Map<String, Span> first = new HashMap<>();
        Set<String> declared = new LinkedHashSet<>();
        for (Ast.Name name : names) {
            Span earlier = first.putIfAbsent(name.text(), name.span());
            if (earlier != null) {
                diagnostics.error(name.span(), kind + " `" + name.text() + "` is already declared on line "
                        + earlier.line());
            }
            declared.add(name.text());
        }
        return declared;
    }
}
