package io.mlconnector.app.config;

/**
 * Where {@code ml-connector sandbox} starts the simulators ({@code 0} = ephemeral).
 *
 * @param concur {@code sandbox.concur-port}: the Concur simulator's base port
 * @param infor  {@code sandbox.infor-port}: the Infor simulator's port
 */
public record SandboxPorts(int concur, int infor) {
}
