package io.mlconnector.app.demo;

import io.mlconnector.app.config.AppSettings;
import io.mlconnector.app.config.ConfigSource;
import io.mlconnector.app.config.ErpAnswerSettings;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.ConcurSandboxSettings;
import io.mlconnector.sandbox.infor.InforSandbox;
import io.mlconnector.sandbox.infor.InforSandboxSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "sandbox", description = "Starts the Concur and Infor simulators until stopped; prints their URLs, "
        + "the .ionapi file and the webhook public key, and writes a configuration file for `run --config`.")
public final class SandboxCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ConfigSource parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--concur-port", description = "base port of the Concur simulator: glz, data centre +1, other "
            + "data centre +2 (default: sandbox.concur-port, 0 = ephemeral)")
    Integer concurPort;

    @Option(names = "--infor-port", description = "port of the Infor simulator (default: sandbox.infor-port, 0 = ephemeral)")
    Integer inforPort;

    @Option(names = "--write-config", paramLabel = "FILE", defaultValue = "./data/sandbox.properties",
            description = "where to write the app configuration pointing at the simulators (default: ${DEFAULT-VALUE})")
    Path configOut;

    @Override
    public Integer call() throws IOException {
        AppSettings settings = parent.config().settings();
        int port = inforPort != null ? inforPort : settings.sandboxPorts().infor();
        int concurBase = concurPort != null ? concurPort : settings.sandboxPorts().concur();
        PrintWriter out = spec.commandLine().getOut();
        // Ctrl-C (SIGTERM) ends the JVM without leaving awaitStop(): the hook lets the try block close the
        // simulators (which delete their .ionapi and PEM files) and delete the configuration before the JVM ends
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch cleanedUp = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(cleanedUp, 10);
        }, "sandbox-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ConcurSandbox concur = ConcurSandbox.start(ConcurSandboxSettings.builder().basePort(concurBase).build());
             InforSandbox infor = InforSandbox.start(InforSandboxSettings.builder().port(port).build())) {
            URI ims = imsEndpoint(settings.erpAnswers());
            // the ERP behind the simulated ION answers Process BODs at the app's IMS endpoint, once `run` listens
            infor.erp().deliverTo(ims);
            writeConfig(concur, infor, ims.getPort());
            print(out, concur, infor);
            out.println("  ERP answers pushed to:   " + ims);
            out.flush();
            awaitQuietly(stop, Long.MAX_VALUE);
        } finally {
            Files.deleteIfExists(configOut);
            cleanedUp.countDown();
            removeHook(hook);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what is stopping us
        }
    }

    private void print(PrintWriter out, ConcurSandbox concur, InforSandbox infor) {
        out.println("Concur sandbox");
        out.println("  global auth (glz):       " + concur.glzUri());
        out.println("  data centre:             " + concur.dataCentreUri());
        out.println("  company id:              " + concur.companyId());
        out.println("  webhook public key PEM:  " + concur.webhookPublicKeyPem().toAbsolutePath());
        out.println("Infor sandbox (tenant " + infor.tenant() + ")");
        out.println("  API gateway (iu):        " + infor.baseUri());
        out.println("  token endpoint:          " + infor.tokenUri());
        out.println("  .ionapi file:            " + infor.ionapiFile().toAbsolutePath());
        out.println("  connection point:        " + infor.connectionPointLogicalId());
        out.println("App configuration (credentials inside, owner-only): " + configOut.toAbsolutePath());
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    // The credentials go to an owner-only file, not to the terminal: sandbox or not, secrets are not printed.
    private void writeConfig(ConcurSandbox concur, InforSandbox infor, int imsPort) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>(SandboxKeys.of(concur, infor));
        keys.put("ims.port", Integer.toString(imsPort));
        keys.put("mapping.file", writeSandboxMapping().toString());
        StringBuilder text = new StringBuilder("# written by `ml-connector sandbox`; valid while it runs, deleted when it stops\n");
        keys.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Path parentDir = configOut.toAbsolutePath().getParent();
        Files.createDirectories(parentDir);
        Files.deleteIfExists(configOut);
        try {
            Files.createFile(configOut, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(configOut);
        }
        Files.writeString(configOut, text);
    }

    /**
     * The shipped mapping, which matches the sandbox's chart, beside the written configuration: {@code run} refuses
     * to start without a mapping file, and an existing one (perhaps edited) is kept.
     */
    private Path writeSandboxMapping() throws IOException {
        Path file = configOut.toAbsolutePath().resolveSibling("sandbox-mapping.yaml");
        if (!Files.exists(file)) {
            Files.writeString(file, Mapping.defaultMappingText());
        }
        return file;
    }

    /** The IMS endpoint `run` will listen on: {@code ims.port}, or a free port when that is 0. */
    private static URI imsEndpoint(ErpAnswerSettings erp) throws IOException {
        int port = erp.port();
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        }
        return URI.create("http://127.0.0.1:" + port + erp.path());
    }

    private static void awaitQuietly(CountDownLatch latch, long seconds) {
        try {
            latch.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
