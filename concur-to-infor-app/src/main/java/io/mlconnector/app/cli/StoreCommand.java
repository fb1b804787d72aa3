package io.mlconnector.app.cli;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.config.AppSettings;
import io.mlconnector.app.store.Store;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that works on the database directly (status, audit, replay): opens the store, runs, closes it. */
abstract class StoreCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    MlConnectorCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        AppSettings settings = parent.config().settings();
        try (Store store = Store.open(settings.database(), settings.worker().retryPolicy())) {
            return run(new AdminService(store, settings.erpAnswers().kindsWaitingForErp()), spec.commandLine().getOut());
        }
    }

    abstract int run(AdminService admin, PrintWriter out);
}
