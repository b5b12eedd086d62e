package jp.kenpo.kiosk.testing;

import java.io.PrintWriter;
import java.io.StringWriter;

import jp.kenpo.kiosk.cli.Main;
import picocli.CommandLine;

/** The administrator's command line run in-process, with what it printed captured. */
public final class Commands {

    private Commands() {
    }

    /** What one command did: its exit code and what it printed on standard output and standard error. */
    public record Run(int exit, String out, String err) {
    }

    public static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
