package org.p1iota.iota.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durable channel state: restarts continue, a crash before confirmation gives back the identical payload. */
class MamWriterTest {

    private static final String SEED = "SEEDSEEDSEED9MAMWRITERTEST9SEEDSEEDSEED9MAMWRITERTEST9SEEDSEEDSEED9MAMWRITERTESTX";
    private static final String HELLO = "RBTC9D9DCDQAEASBYBCCKBFA";
    private static final String WORLD = "GDEAQCPCZCRCQCQAMBACGDSB";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("channels/data.json");
    }

    private ChannelState restricted() throws MamException {
        return ChannelState.initial(SEED, MamMode.RESTRICTED, "BANANA", 2);
    }

    @Test
    void aRestartContinuesTheChannel() throws MamException {
        CreatedMessage first;
        CreatedMessage second;
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            first = writer.create(HELLO);
            writer.confirm();
            second = writer.create(WORLD);
            writer.confirm();
        }
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            assertThat(writer.state().keyIndex()).isEqualTo(2);
            assertThat(writer.root()).isEqualTo(second.nextRoot());
            CreatedMessage third = writer.create(HELLO);
            assertThat(third.keyIndex()).isEqualTo(2);
            assertThat(third.root()).isEqualTo(second.nextRoot());
            assertThat(MamParser.parse(third.payload(), third.root(), "BANANA").message()).isEqualTo(HELLO);
        }
        assertThat(second.root()).isEqualTo(first.nextRoot());
    }

    @Test
    void aCrashBeforeConfirmationGivesTheIdenticalPayloadBack() throws MamException {
        CreatedMessage created;
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            writer.create(HELLO);
            writer.confirm();
            created = writer.create(WORLD);
            // the process dies here: the payload may or may not have reached the tangle
        }
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            assertThat(writer.pending()).contains(created);
            assertThat(writer.state().keyIndex()).isEqualTo(created.keyIndex());
            CreatedMessage again = writer.create(WORLD);
            assertThat(again).isEqualTo(created);
            // and it is no stored accident: the same state signs the same bits
            MamChannel fresh = new MamChannel(writer.state());
            assertThat(fresh.create(WORLD).payload()).isEqualTo(created.payload());

            MamException other = catchThrowableOfType(MamException.class, () -> writer.create(HELLO));
            assertThat(other.reason()).isEqualTo(MamException.Reason.PENDING_MESSAGE_DIFFERS);

            assertThat(writer.confirm()).isEqualTo(created);
            assertThat(writer.pending()).isEmpty();
            CreatedMessage next = writer.create(HELLO);
            assertThat(next.keyIndex()).isEqualTo(created.keyIndex() + 1);
            assertThat(next.root()).isEqualTo(created.nextRoot());
        }
    }

    @Test
    void aCrashAfterConfirmationKnowsTheSameMessageAgainAndDoesNotMakeItTwice() throws MamException {
        CreatedMessage confirmed;
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            confirmed = writer.create(HELLO);
            writer.confirm();
            // the process dies here: the caller never noted that HELLO went out, and sends it again
        }
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            ChannelStore.Confirmed already = writer.confirmedAlready(HELLO).orElseThrow();
            assertThat(already.root()).isEqualTo(confirmed.root());
            assertThat(already.address()).isEqualTo(confirmed.address());
            assertThat(already.nextRoot()).isEqualTo(confirmed.nextRoot());
            assertThat(writer.confirmedAlready(WORLD)).isEmpty();
            CreatedMessage next = writer.create(WORLD);
            assertThat(next.keyIndex()).isEqualTo(confirmed.keyIndex() + 1);
            // while a message is pending, nothing counts as already confirmed
            assertThat(writer.confirmedAlready(HELLO)).isEmpty();
            writer.confirm();
            assertThat(writer.confirmedAlready(WORLD)).isPresent();
            assertThat(writer.confirmedAlready(HELLO)).isEmpty();
        }
    }

    @Test
    void confirmWithoutAPendingMessageIsRefused() throws MamException {
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            assertThat(catchThrowableOfType(MamException.class, writer::confirm).reason())
                    .isEqualTo(MamException.Reason.NOTHING_PENDING);
        }
    }

    @Test
    void theSideKeyChangesAtRunTimeAndStaysChanged() throws MamException {
        CreatedMessage rotated;
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            writer.create(HELLO);
            writer.confirm();
            writer.changeSideKey("ROTATEDKEY");
        }
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            assertThat(writer.state().sideKey()).startsWith("ROTATEDKEY9");
            rotated = writer.create(WORLD);
            writer.confirm();
        }
        assertThat(MamParser.parse(rotated.payload(), rotated.root(), "ROTATEDKEY").message()).isEqualTo(WORLD);
        assertThat(catchThrowableOfType(MamException.class, () -> MamParser.parse(rotated.payload(), rotated.root(), "BANANA")))
                .isNotNull();
    }

    @Test
    void theFileIsOwnerOnlyAndNoTemporaryFileRemains() throws MamException, IOException {
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            writer.create(HELLO);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(Files.exists(file().resolveSibling("data.json.tmp"))).isFalse();
        assertThat(Files.readString(file())).contains("\"pending\"").contains(SEED);
    }

    @Test
    void oneWriterPerChannelFile() throws MamException {
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            MamException second = catchThrowableOfType(MamException.class, () -> MamWriter.open(file(), restricted()));
            assertThat(second.reason()).isEqualTo(MamException.Reason.STORE_FAILED);
        }
        try (MamWriter again = MamWriter.open(file(), null)) {
            assertThat(again.state()).isEqualTo(restricted());
        }
    }

    @Test
    void anotherChannelOrADamagedFileIsRefused() throws MamException, IOException {
        try (MamWriter writer = MamWriter.open(file(), restricted())) {
            assertThat(writer.state().keyIndex()).isZero();
        }
        MamException other = catchThrowableOfType(MamException.class,
                () -> MamWriter.open(file(), ChannelState.initial(SEED, MamMode.PUBLIC, null, 2)));
        assertThat(other.reason()).isEqualTo(MamException.Reason.INVALID_CHANNEL);
        Files.writeString(file(), "{\"format\":1,\"seed\":\"ABC\"}");
        MamException damaged = catchThrowableOfType(MamException.class, () -> MamWriter.open(file(), restricted()));
        assertThat(damaged.reason()).isEqualTo(MamException.Reason.STORE_FAILED);
        Files.writeString(file(), "not json");
        assertThat(catchThrowableOfType(MamException.class, () -> MamWriter.open(file(), null)).reason())
                .isEqualTo(MamException.Reason.STORE_FAILED);
        assertThat(catchThrowableOfType(MamException.class, () -> MamWriter.open(dir.resolve("none.json"), null)).reason())
                .isEqualTo(MamException.Reason.STORE_FAILED);
    }

    @Test
    void theSeedNeverAppearsInToString() throws MamException {
        assertThat(restricted().toString()).doesNotContain(SEED).doesNotContain("BANANA");
    }
}
