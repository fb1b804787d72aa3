package io.mlconnector.app.cli;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.ConfigException;
import io.mlconnector.app.config.ConfigSource;
import io.mlconnector.app.demo.BenchCommand;
import io.mlconnector.app.demo.DemoCommand;
import io.mlconnector.app.demo.SandboxCommand;
import io.mlconnector.app.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ml-connector}: the runnable jar's entry point. Without a subcommand it runs the pipeline ({@code run}).
 * Exit codes: 0 success, 1 the command failed, 2 bad usage or configuration.
 */
@Command(name = "ml-connector", mixinStandardHelpOptions = true, version = "ml-connector 0.1.0",
        description = "SAP Concur expense reports and invoices into Infor GL and AP, exactly once.",
        subcommands = {RunCommand.class, DemoCommand.class, BenchCommand.class, PingCommand.class,
                SubscribeCommand.class, ReplayCommand.class, StatusCommand.class, AuditCommand.class,
                ReconcileCommand.class, SandboxCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class})
public final class MlConnectorCli implements Callable<Integer>, ConfigSource {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Properties file (keys in README-config.md); every key can also be set as ML_<KEY>.")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line (tests run it in-process). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MlConnectorCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ConfigException) {
                err.println("configuration error: " + e.getMessage());
                return USAGE;
            }
            if (e instanceof StoreException) {
                err.println("database error: " + e.getMessage());
                return FAILED;
            }
            throw e;
        });
        return cli;
    }

    /** {@code ml-connector} alone = {@code ml-connector run}. */
    @Override
    public Integer call() throws Exception {
        RunCommand run = new RunCommand();
        run.parent = this;
        run.spec = spec.subcommands().get("run").getCommandSpec();
        return run.call();
    }

    /** The configuration of {@code --config} (if given) and the environment. */
    @Override
    public AppConfig config() {
        return AppConfig.load(configFile);
    }
}
