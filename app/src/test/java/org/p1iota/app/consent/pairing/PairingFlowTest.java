package org.p1iota.app.consent.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.p1iota.app.consent.secrets.PairingCode;

/** Both sides of pairing (version 2), every message through the codec as on the tangle. */
class PairingFlowTest {

    static final String DEVICE = "DEVICE" + "9".repeat(75);
    static final String MY_HOME = "MYHOME" + "9".repeat(75);
    static final String ROOT = "EVENTROOT" + "Q".repeat(72);

    private final SecureRandom random = new SecureRandom();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final PairingCode code = PairingCode.generate(random);
    private final DevicePairing device = new DevicePairing(DEVICE, code, new ChallengeBook(random, clock), clock, random);
    private final ProtocolCodec codec = ProtocolCodec.forInbox();

    @Test
    void theRightCodePairsAndNothingLinksDeviceHomeOrClaimInClear() throws Exception {
        MyHomePairingSession home = session(code);
        ClaimDevice claim = wire(home.claim(), ClaimDevice.class);
        DevicePairing.Reply<Challenge> challenge = device.onClaim(claim);
        assertThat(challenge.sendTo()).isEqualTo(MY_HOME);
        AnswerChallenge answer = wire(home.onChallenge(wire(challenge.message(), Challenge.class)), AnswerChallenge.class);
        assertThat(home.state()).isEqualTo(State.ANSWER_SENT);

        assertThat(device.stage(home.claimId())).contains(DevicePairing.Stage.CHALLENGE_SENT);
        DevicePairing.Verdict verdict = device.onAnswer(answer);
        assertThat(device.stage(home.claimId())).contains(DevicePairing.Stage.PAIRED);
        assertThat(verdict.pairedHome()).contains(new PairedHome(MY_HOME, ROOT));
        assertThat(verdict.pairedHome().get().toString()).doesNotContain(ROOT);
        assertThat(home.onResult(wire(verdict.result(), ClaimResult.class))).isEqualTo(State.PAIRED);

        for (InboxMessage message : new InboxMessage[] {claim, challenge.message(), answer, verdict.result()}) {
            String json = codec.encode(message);
            JsonNode tree = new ObjectMapper().readTree(json);
            assertThat(tree.fieldNames()).toIterable().as(json).containsExactly("type", "version", "sealed");
            assertThat(tree.get("version").asInt()).isEqualTo(2);
            assertThat(json).doesNotContain(DEVICE, MY_HOME, ROOT, home.claimId());
        }
    }

    @Test
    void aClaimWithAnotherCodeDoesNotOpenAndGetsNoReply() throws Exception {
        MyHomePairingSession wrong = session(PairingCode.generate(random));
        assertThatThrownBy(() -> device.onClaim(wrong.claim())).isInstanceOf(PairingException.class)
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.NOT_OPENED);
        assertThat(device.stage(wrong.claimId())).isEmpty();
        clock.advance(Duration.ofMinutes(3));
        assertThat(wrong.state()).isEqualTo(State.FAILED);
        assertThat(wrong.failure()).contains(Failure.NO_CHALLENGE);
        assertThat(Failure.NO_CHALLENGE.explanation()).contains("code");
    }

    @Test
    void aClaimIsAnsweredOnceAndNotWhenStale() throws Exception {
        MyHomePairingSession home = session(code);
        device.onClaim(home.claim());
        assertThatThrownBy(() -> device.onClaim(home.claim())).isInstanceOf(PairingException.class)
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.REPLAYED_CLAIM);
        clock.advance(ChallengeBook.DEFAULT_VALIDITY.plusSeconds(1));
        assertThatThrownBy(() -> device.onClaim(home.claim()))
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.STALE_CLAIM);
        MyHomePairingSession late = session(code);
        clock.advance(ChallengeBook.DEFAULT_VALIDITY.plusSeconds(1));
        assertThatThrownBy(() -> device.onClaim(late.claim()))
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.STALE_CLAIM);
        MyHomePairingSession early = MyHomePairingSession.start(DEVICE, code, MY_HOME, ROOT,
                new TestClock(clock.instant().plus(DevicePairing.CLOCK_SKEW).plusSeconds(1)), Duration.ofMinutes(30), random);
        assertThatThrownBy(() -> device.onClaim(early.claim()))
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.STALE_CLAIM);
    }

    @Test
    void aClaimMadeBeforeTheDeviceRestartedIsNotAnsweredAgain() throws Exception {
        MyHomePairingSession home = session(code);
        device.onClaim(home.claim());
        clock.advance(Duration.ofSeconds(30));
        DevicePairing restarted = new DevicePairing(DEVICE, code, new ChallengeBook(random, clock), clock, random);
        assertThatThrownBy(() -> restarted.onClaim(home.claim())).as("a replay after a restart")
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.STALE_CLAIM);
        MyHomePairingSession after = session(code);
        assertThat(restarted.onClaim(after.claim()).sendTo()).isEqualTo(MY_HOME);
    }

    @Test
    void aReplayedRightAnswerIsRefused() throws Exception {
        MyHomePairingSession home = session(code);
        AnswerChallenge answer = home.onChallenge(device.onClaim(home.claim()).message());
        assertThat(device.onAnswer(answer).pairedHome()).isPresent();
        assertThatThrownBy(() -> device.onAnswer(answer)).isInstanceOf(PairingException.class)
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.UNKNOWN_CLAIM);
    }

    @Test
    void forgedForeignAndRepeatedChallengesAndResultsNeverTouchTheSession() throws Exception {
        MyHomePairingSession home = session(code);
        ClaimDevice claim = home.claim();
        PairingSeal otherCode = new PairingSeal(PairingCode.generate(random), DEVICE);
        PairingSeal otherDevice = new PairingSeal(code, "OTHER" + "9".repeat(76));
        PairingSeal sameCode = new PairingSeal(code, DEVICE);
        Instant later = clock.instant().plusSeconds(60);
        Challenge[] forged = {
            otherCode.challenge(new ChallengeContent(home.claimId(), "C".repeat(81), later), random),
            otherDevice.challenge(new ChallengeContent(home.claimId(), "C".repeat(81), later), random),
            sameCode.challenge(new ChallengeContent("an-older-claim", "C".repeat(81), later), random), // another pairing's
            new Challenge(claim.sealed()), // the claim's box cut and pasted
            new Challenge("A".repeat(200)),
        };
        for (Challenge challenge : forged) {
            assertThat(home.open(challenge)).isEmpty();
            assertThatThrownBy(() -> home.onChallenge(challenge))
                    .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.NOT_OPENED);
        }
        ClaimResult forgedNok = otherCode.result(ResultContent.nok(home.claimId(), ClaimResult.Rejection.UNKNOWN_CHALLENGE), random);
        assertThat(home.open(forgedNok)).isEmpty();
        assertThat(home.state()).isEqualTo(State.CLAIM_SENT);

        Challenge genuine = device.onClaim(claim).message();
        AnswerChallenge answer = home.onChallenge(genuine);
        assertThatThrownBy(() -> home.onChallenge(genuine)).as("a duplicate changes nothing")
                .extracting(e -> ((PairingException) e).reason()).isEqualTo(PairingException.Reason.OUT_OF_TURN);
        assertThat(home.open(new ClaimResult(answer.sealed()))).as("the answer's box cut and pasted").isEmpty();
        assertThat(home.state()).isEqualTo(State.ANSWER_SENT);
        ClaimResult ok = device.onAnswer(answer).result();
        assertThat(home.onResult(ok)).isEqualTo(State.PAIRED);
        assertThatThrownBy(() -> home.onResult(ok)).extracting(e -> ((PairingException) e).reason())
                .isEqualTo(PairingException.Reason.ALREADY_FINISHED);
        assertThat(home.state()).isEqualTo(State.PAIRED);
    }

    @Test
    void anAnswerToAnotherChallengeIsRefused() throws Exception {
        MyHomePairingSession home = session(code);
        device.onClaim(home.claim());
        AnswerChallenge other = new PairingSeal(code, DEVICE).answer(
                new AnswerContent(home.claimId(), "FORGED" + "9".repeat(75), ROOT), random);
        DevicePairing.Verdict verdict = device.onAnswer(other);
        assertThat(verdict.pairedHome()).isEmpty();
        assertThat(device.stage(home.claimId())).contains(DevicePairing.Stage.REFUSED);
        assertThat(new PairingSeal(code, DEVICE).open(verdict.result()).orElseThrow().reason())
                .isEqualTo(ClaimResult.Rejection.UNKNOWN_CHALLENGE);
    }

    @Test
    void aGenuineNokStillFailsThePairing() throws Exception {
        MyHomePairingSession home = session(code);
        AnswerChallenge answer = home.onChallenge(device.onClaim(home.claim()).message());
        clock.advance(ChallengeBook.DEFAULT_VALIDITY);
        DevicePairing.Verdict verdict = device.onAnswer(answer);
        assertThat(verdict.pairedHome()).isEmpty();
        home.onResult(verdict.result());
        assertThat(home.failure()).contains(Failure.CHALLENGE_EXPIRED);
    }

    @Test
    void aSilentDeviceFailsTheSession() throws Exception {
        MyHomePairingSession home = session(code);
        AnswerChallenge answer = home.onChallenge(device.onClaim(home.claim()).message());
        assertThat(answer).isNotNull();
        clock.advance(Duration.ofMinutes(31));
        assertThat(home.state()).isEqualTo(State.FAILED);
        assertThat(home.failure()).contains(Failure.TIMED_OUT);
        assertThat(Failure.TIMED_OUT.explanation()).contains("online");
    }

    private MyHomePairingSession session(PairingCode typed) {
        return MyHomePairingSession.start(DEVICE, typed, MY_HOME, ROOT, clock, Duration.ofMinutes(3), Duration.ofMinutes(30), random);
    }

    private <T extends InboxMessage> T wire(InboxMessage message, Class<T> type) throws Exception {
        return codec.decode(codec.encode(message), type);
    }
}
