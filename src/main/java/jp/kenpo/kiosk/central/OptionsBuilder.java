package jp.kenpo.kiosk.central;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.Set;

/**
 * A copy of {@link CentralServer.Options} whose settings may be changed before it is built again: what
 * each of the options' withers uses to change one setting. The checks are the options' own, on build.
 */
final class OptionsBuilder {

    private final Path dataDir;
    private final PrivateKey privateKey;
    private final String keyId;
    String host;
    int port;
    Set<String> deviceTokens;
    Faults faults;
    Random random;
    Clock clock;
    long maxBodyBytes;
    int threads;
    Duration readTimeout;
    int queue;
    boolean keepClearData;

    OptionsBuilder(CentralServer.Options o) {
        dataDir = o.dataDir();
        privateKey = o.privateKey();
        keyId = o.keyId();
        host = o.host();
        port = o.port();
        deviceTokens = o.deviceTokens();
        faults = o.faults();
        random = o.random();
        clock = o.clock();
        maxBodyBytes = o.maxBodyBytes();
        threads = o.threads();
        readTimeout = o.readTimeout();
        queue = o.queue();
        keepClearData = o.keepClearData();
    }

    CentralServer.Options build() {
        return new CentralServer.Options(host, port, dataDir, privateKey, keyId, deviceTokens, faults, random, clock,
                maxBodyBytes, threads, readTimeout, queue, keepClearData);
    }
}
