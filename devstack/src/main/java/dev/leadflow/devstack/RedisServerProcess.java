package dev.leadflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/** A real redis-server process from the embedded-redis binaries. */
public final class RedisServerProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path binDir;
    private final int port;
    private final boolean persistent;
    private RedisServer server;

    public RedisServerProcess(Path dataDir, Path binDir, int port, boolean persistent) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.port = port;
        this.persistent = persistent;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return server != null && server.isActive();
    }

    public synchronized void start() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(binDir);
            server = RedisServer.newRedisServer()
                    .executableProvider(ExecutableProvider.newJarResourceProvider(binDir.toFile()))
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDir.toAbsolutePath())
                    .setting("pidfile " + dataDir.resolve("redis.pid").toAbsolutePath())
                    .setting(persistent ? "save 60 1" : "save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not stop", e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
