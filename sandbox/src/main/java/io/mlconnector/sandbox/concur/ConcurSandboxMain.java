package io.mlconnector.sandbox.concur;

import io.mlconnector.sandbox.http.SimServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a Concur sandbox standalone until the process is stopped, so a person can point the app, curl or any client at
 * it: {@code java -cp sandbox.jar:... io.mlconnector.sandbox.concur.ConcurSandboxMain [basePort]}.
 * Prints the three hosts, the webhook public key path and the path of a JSON file holding the sandbox credentials
 * (client id and secret, company id, a request token, the user) — secrets go to that file, not to the console.
 * The published FIS samples are seeded as READY.
 */
public final class ConcurSandboxMain {
    private ConcurSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        int basePort = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        ConcurSandbox sandbox = ConcurSandbox.start(ConcurSandboxSettings.builder().basePort(basePort).build());
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "concur-sandbox-shutdown"));
        List<String> seeded = sandbox.fis().seedPublishedSamples();
        Path credentials = credentialsFile(sandbox);
        System.out.println("Concur sandbox (company " + sandbox.companyId() + ")");
        System.out.println("  GLZ token host:        " + sandbox.glzUri() + "/oauth2/v0/token");
        System.out.println("  data centre:           " + sandbox.dataCentreUri());
        System.out.println("  other data centre:     " + sandbox.otherDataCentreUri());
        System.out.println("  webhook public key:    " + sandbox.webhookPublicKeyPem());
        System.out.println("  credentials (JSON):    " + credentials);
        System.out.println("  FIS documents ready:   " + seeded.size());
        new CountDownLatch(1).await();
    }

    private static Path credentialsFile(ConcurSandbox sandbox) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("clientId", sandbox.clientId());
        values.put("clientSecret", sandbox.clientSecret());
        values.put("companyId", sandbox.companyId());
        values.put("companyRequestToken", sandbox.newCompanyRequestToken());
        values.put("userName", sandbox.userName());
        values.put("userPassword", sandbox.userPassword());
        values.put("glz", sandbox.glzUri().toString());
        values.put("dataCentre", sandbox.dataCentreUri().toString());
        Path file = Files.createTempFile("concur-sandbox-credentials-", ".json");
        file.toFile().deleteOnExit();
        Files.write(file, SimServer.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(values));
        return file;
    }
}
