package jp.kenpo.kiosk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import jp.kenpo.kiosk.core.account.SlowHash;
import jp.kenpo.kiosk.core.port.RandomSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hash-pin}: asks for a staff PIN (twice, hidden, on a terminal; one line on standard input
 * otherwise) and prints the hash to put in {@code staff.pinHash}.
 */
@Command(name = "hash-pin", description = "Hash a staff PIN for staff.pinHash in kiosk.yaml.")
public final class HashPinCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] pin;
        Console console = System.console();
        if (console != null) {
            pin = console.readPassword("Staff PIN (6-12 digits): ");
            char[] again = console.readPassword("The same PIN again: ");
            if (pin == null || again == null || !Arrays.equals(pin, again)) {
                err.println("The two PINs differ; nothing was printed.");
                return 1;
            }
            Arrays.fill(again, '\0');
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            pin = line == null ? new char[0] : line.strip().toCharArray();
        }
        if (!new String(pin).matches("\\d{6,12}")) {
            err.println("A staff PIN is 6 to 12 digits (the kiosk's PIN pad has digits only; a production kiosk"
                    + " refuses shorter ones).");
            return 1;
        }
        out.println(SlowHash.hash(pin, RandomSource.secure()));
        Arrays.fill(pin, '\0');
        return 0;
    }
}
