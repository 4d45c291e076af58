package org.p1iota.app.consent.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.TestClock;
import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.Challenge;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.ClaimResult;
import org.p1iota.app.consent.message.InboxMessage;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.pairing.MyHomePairingSession.Failure;
import org.p1iota.app.consent.pairing.MyHomePairingSession.State;

/** Both sides of pairing, every message through the codec as on the tangle. */
class PairingFlowTest {

    static final String DEVICE = "DEVICE" + "9".repeat(75);
    static final String MY_HOME = "MYHOME" + "9".repeat(75);
    static final String ROOT = "EVENTROOT" + "Q".repeat(72);

    private final SecureRandom random = new SecureRandom();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final PairingCode code = PairingCode.generate(random);
    private final DevicePairing device = new DevicePairing(DEVICE, code, new ChallengeBook(random, clock));
    private final ProtocolCodec codec = ProtocolCodec.forInbox();

    @Test
    void theRightCodePairsAndHandsOverTheRootSealed() throws Exception {
        MyHomePairingSession home = session(code);
        DevicePairing.Reply<Challenge> challenge = device.onClaim(wire(home.claim(), ClaimDevice.class));
        assertThat(challenge.sendTo()).isEqualTo(MY_HOME);
        AnswerChallenge answer = wire(home.onChallenge(wire(challenge.message(), Challenge.class)), AnswerChallenge.class);
        assertThat(home.state()).isEqualTo(State.ANSWER_SENT);
        assertThat(codec.encode(answer)).doesNotContain(ROOT);

        assertThat(device.stage(home.claimId())).contains(DevicePairing.Stage.CHALLENGE_SENT);
        DevicePairing.Verdict verdict = device.onAnswer(answer);
        assertThat(device.stage(home.claimId())).contains(DevicePairing.Stage.PAIRED);
        assertThat(verdict.result().isOk()).isTrue();
        assertThat(verdict.pairedHome()).contains(new PairedHome(MY_HOME, ROOT));
        assertThat(verdict.pairedHome().get().toString()).doesNotContain(ROOT);
        assertThat(home.onResult(wire(verdict.result(), ClaimResult.class))).isEqualTo(State.PAIRED);
    }

    @Test
    void aWrongCodeGetsNokAndChangesNothing() throws Exception {
        MyHomePairingSession home = session(PairingCode.generate(random));
        Challenge challenge = device.onClaim(home.claim()).message();
        AnswerChallenge wrong = home.onChallenge(challenge);
        DevicePairing.Verdict verdict = device.onAnswer(wrong);
        assertThat(verdict.result()).isEqualTo(ClaimResult.nok(home.claimId(), DEVICE, ClaimResult.Rejection.WRONG_PROOF));
        assertThat(verdict.pairedHome()).isEmpty();
        assertThat(device.stage(home.claimId())).contains(DevicePairing.Stage.REFUSED);
        assertThat(device.stage("never-claimed")).isEmpty();
        assertThat(home.onResult(verdict.result())).isEqualTo(State.FAILED);
        assertThat(home.failure()).contains(Failure.WRONG_CODE);
        // the challenge is spent: the same answer again is not even considered
        assertThatThrownBy(() -> device.onAnswer(wrong)).isInstanceOf(PairingException.class)
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.UNKNOWN_CLAIM);
    }

    @Test
    void aReplayedRightAnswerIsRefused() throws Exception {
        MyHomePairingSession home = session(code);
        AnswerChallenge answer = home.onChallenge(device.onClaim(home.claim()).message());
        assertThat(device.onAnswer(answer).result().isOk()).isTrue();
        assertThatThrownBy(() -> device.onAnswer(answer)).isInstanceOf(PairingException.class);
    }

    @Test
    void anAnswerToAnotherChallengeIsRefused() throws Exception {
        MyHomePairingSession home = session(code);
        Challenge issued = device.onClaim(home.claim()).message();
        Challenge forged = new Challenge(issued.claimId(), DEVICE, "FORGED" + "9".repeat(75), issued.expiresAt());
        DevicePairing.Verdict verdict = device.onAnswer(home.onChallenge(forged));
        assertThat(verdict.result().reason()).isEqualTo(ClaimResult.Rejection.UNKNOWN_CHALLENGE);
        assertThat(verdict.pairedHome()).isEmpty();
    }

    @Test
    void aTamperedRootIsRefusedEvenWithTheRightProof() throws Exception {
        MyHomePairingSession home = session(code);
        AnswerChallenge answer = home.onChallenge(device.onClaim(home.claim()).message());
        String other = RootSealing.seal(ROOT, answer.challenge(), DEVICE, PairingCode.generate(random), random);
        DevicePairing.Verdict verdict = device.onAnswer(
                new AnswerChallenge(answer.claimId(), DEVICE, answer.challenge(), answer.proof(), other));
        assertThat(verdict.result().reason()).isEqualTo(ClaimResult.Rejection.UNREADABLE_ROOT);
        assertThat(verdict.pairedHome()).isEmpty();
    }

    @Test
    void aLateAnswerGetsChallengeExpired() throws Exception {
        MyHomePairingSession home = session(code);
        AnswerChallenge answer = home.onChallenge(device.onClaim(home.claim()).message());
        clock.advance(ChallengeBook.DEFAULT_VALIDITY);
        DevicePairing.Verdict verdict = device.onAnswer(answer);
        assertThat(verdict.result().reason()).isEqualTo(ClaimResult.Rejection.CHALLENGE_EXPIRED);
        home.onResult(verdict.result());
        assertThat(home.failure()).contains(Failure.CHALLENGE_EXPIRED);
    }

    @Test
    void messagesForAnotherDeviceOrSessionAreDropped() throws Exception {
        MyHomePairingSession home = session(code);
        ClaimDevice elsewhere = new ClaimDevice("claim-0001", "OTHER" + "9".repeat(76), MY_HOME);
        assertThatThrownBy(() -> device.onClaim(elsewhere)).isInstanceOf(PairingException.class)
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.NOT_FOR_THIS_DEVICE);
        Challenge stranger = new Challenge("claim-9999", DEVICE, "C".repeat(81), clock.instant().plusSeconds(60));
        assertThatThrownBy(() -> home.onChallenge(stranger)).isInstanceOf(PairingException.class);
        assertThatThrownBy(() -> home.onResult(ClaimResult.ok(home.claimId(), DEVICE)))
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.OUT_OF_TURN);
        assertThat(home.state()).isEqualTo(State.CLAIM_SENT);
    }

    @Test
    void aSilentDeviceTimesTheSessionOut() throws Exception {
        MyHomePairingSession home = session(code);
        Challenge challenge = device.onClaim(home.claim()).message();
        clock.advance(Duration.ofMinutes(31));
        assertThat(home.state()).isEqualTo(State.FAILED);
        assertThat(home.failure()).contains(Failure.TIMED_OUT);
        assertThat(Failure.TIMED_OUT.explanation()).contains("online");
        assertThatThrownBy(() -> home.onChallenge(challenge))
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.ALREADY_FINISHED);
    }

    private MyHomePairingSession session(PairingCode typed) {
        return MyHomePairingSession.start(DEVICE, typed, MY_HOME, ROOT, clock, Duration.ofMinutes(30), random);
    }

    private <T extends InboxMessage> T wire(InboxMessage message, Class<T> type) throws Exception {
        return codec.decode(codec.encode(message), type);
    }
}
