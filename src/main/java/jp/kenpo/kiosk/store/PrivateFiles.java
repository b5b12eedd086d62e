package jp.kenpo.kiosk.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Folders and files only the kiosk's own user may read: on POSIX systems folders are created
 * {@code rwx------} (0700) and files {@code rw-------} (0600). Elsewhere (Windows) the folder's
 * inherited access rules apply and these calls only create.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code dir} and any missing parents as private folders, and makes {@code dir} itself
     * private when it was there already (unless it belongs to another user, whose choice it is).
     */
    public static Path folder(Path dir) throws IOException {
        if (!posix(dir)) {
            return Files.createDirectories(dir);
        }
        Path absolute = dir.toAbsolutePath();
        boolean existed = Files.isDirectory(absolute);
        if (!existed) {
            try {
                Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile by another thread of this process: tightened below
            }
        }
        try {
            restrict(absolute, FOLDER);
        } catch (IOException notOurs) {
            if (!existed) {
                throw notOurs;
            }
        }
        return dir;
    }

    /** Makes an existing file private; a missing one (or one gone meanwhile) is left missing. */
    public static void file(Path file) throws IOException {
        if (Files.exists(file) && posix(file)) {
            try {
                restrict(file, FILE);
            } catch (NoSuchFileException gone) {
                // a SQLite companion file removed by another connection's close
            }
        }
    }

    /** A new file (it must not exist yet), private from its first byte. */
    public static OutputStream newFile(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attrs = posix(file.toAbsolutePath().getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        return Channels.newOutputStream(Files.newByteChannel(file, options, attrs));
    }

    private static void restrict(Path p, Set<PosixFilePermission> wanted) throws IOException {
        if (!Files.getPosixFilePermissions(p).equals(wanted)) {
            Files.setPosixFilePermissions(p, wanted);
        }
    }

    private static boolean posix(Path p) {
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
