package io.mlconnector.sandbox.infor;

import java.util.concurrent.CountDownLatch;

/**
 * Runs an Infor sandbox standalone until the process is stopped, so a person can point the app, curl or any client
 * at it: {@code java -cp sandbox.jar:... io.mlconnector.sandbox.infor.InforSandboxMain [port]}.
 * Prints the gateway and token URLs and the path of the sandbox {@code .ionapi} file (which holds the credentials).
 */
public final class InforSandboxMain {
    private InforSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        InforSandbox sandbox = InforSandbox.start(InforSandboxSettings.builder().port(port).build());
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "infor-sandbox-shutdown"));
        System.out.println("Infor sandbox (tenant " + sandbox.tenant() + ")");
        System.out.println("  API gateway (iu):  " + sandbox.baseUri());
        System.out.println("  token (pu + ot):   " + sandbox.tokenUri());
        System.out.println("  ION messaging:     " + sandbox.ionMessagingServiceUri());
        System.out.println("  M3 MI execute:     " + sandbox.m3ExecuteUri());
        System.out.println("  .ionapi file:      " + sandbox.ionapiFile());
        System.out.println("  connection point:  " + sandbox.connectionPointLogicalId());
        new CountDownLatch(1).await();
    }
}
