package jp.kenpo.kiosk.ui;

import static jp.kenpo.kiosk.testing.Steps.goesOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.roster.Eligibility;
import jp.kenpo.kiosk.core.roster.Eligibility.Outcome;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.RosterCsvImporter;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.ui.basicinfo.BasicConfirmViewModel;
import jp.kenpo.kiosk.ui.basicinfo.BasicInfoViewModel;
import jp.kenpo.kiosk.ui.basicinfo.BasicInfoViewModel.Calendar;
import jp.kenpo.kiosk.ui.card.CardViewModel;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.eligibility.EligibilityViewModel;

/** The member-screen view models on the test's thread, against the demo configuration. */
class MemberViewModelTest {

    @TempDir
    Path dir;

    KioskSession session() {
        return new KioskSession(new SessionId("t"), Instant.EPOCH);
    }

    KioskConfig config() {
        return TestConfigs.demo(dir.resolve("data"));
    }

    @Nested
    class Card {
        @Test
        void patternFourWithBranchNormalizesAndKeepsTyping() {
            KioskConfig c = config();
            KioskSession s = session();
            CardViewModel vm = new CardViewModel(c.unions().get(0), s);
            assertThat(vm.pattern().name()).isEqualTo("SYMBOL_AND_NUMBER");
            assertThat(vm.usesBranch()).isTrue();
            vm.symbolProperty().set("91");
            vm.numberProperty().set("200001");
            assertThat(vm.canAdvance().get()).as("member type not chosen").isFalse();
            vm.memberTypeProperty().set(MemberType.DEPENDENT);
            vm.branchProperty().set("123");
            assertThat(goesOn(vm)).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo(Message.of("card.error.branchChars"));
            assertThat(vm.wrongFieldProperty().get().name()).isEqualTo("BRANCH");
            vm.branchProperty().set("2");
            assertThat(vm.messageProperty().get()).isNull();
            assertThat(goesOn(vm)).isTrue();
            assertThat(s.cardSymbol()).isEqualTo("091");
            assertThat(s.cardBranch()).isEqualTo("02");
            assertThat(s.memberType()).isEqualTo(MemberType.DEPENDENT);
        }

        @Test
        void patternThreeNeedsOnlyTheSecondSymbolWhenTheUnionSaysSo() {
            KioskConfig c = config();
            KioskSession s = session();
            CardViewModel vm = new CardViewModel(c.unions().get(1), s);
            assertThat(vm.asksSymbolFront()).isTrue();
            assertThat(vm.usesBranch()).isFalse();
            vm.memberTypeProperty().set(MemberType.INSURED);
            vm.symbolBackProperty().set("1234");
            vm.numberProperty().set("12345678");
            assertThat(goesOn(vm)).isTrue();
            assertThat(s.cardSymbol()).isEqualTo("1234");
            assertThat(s.cardNumber()).isEqualTo("2345678");
        }

        /** The field the card picture marks: the pattern's first at first, the touched one, the wrong one. */
        @Test
        void theAskedFieldIsThePatternsFirstThenTheTouchedThenTheWrongOne() {
            var union = config().unions().get(0);
            java.util.Map<jp.kenpo.kiosk.core.member.CardPattern, InsuranceCard.Field> first = java.util.Map.of(
                    jp.kenpo.kiosk.core.member.CardPattern.SYMBOL_AND_NUMBER, InsuranceCard.Field.SYMBOL,
                    jp.kenpo.kiosk.core.member.CardPattern.SYMBOL_SPLIT_AND_NUMBER, InsuranceCard.Field.SYMBOL_FRONT,
                    jp.kenpo.kiosk.core.member.CardPattern.NUMBER_ONLY, InsuranceCard.Field.NUMBER,
                    jp.kenpo.kiosk.core.member.CardPattern.NUMBER_WITH_HYPHEN, InsuranceCard.Field.NUMBER);
            for (var pattern : jp.kenpo.kiosk.core.member.CardPattern.values()) {
                for (boolean branch : new boolean[] {false, true}) {
                    var u = new jp.kenpo.kiosk.core.config.UnionConfig(union.insurerNumber(), union.name(), pattern,
                            new jp.kenpo.kiosk.core.config.CardNormalization(null, null, null, null, branch),
                            null, true, null);
                    CardViewModel vm = new CardViewModel(u, session());
                    String as = pattern + (branch ? " with 枝番" : "");
                    assertThat(vm.askedFieldProperty().get()).as(as).isEqualTo(first.get(pattern));
                    assertThat(vm.fields().contains(InsuranceCard.Field.BRANCH)).as(as).isEqualTo(branch);
                    for (InsuranceCard.Field f : vm.fields()) {
                        vm.ask(f);
                        assertThat(vm.askedFieldProperty().get()).as(as).isEqualTo(f);
                    }
                    // a field this pattern does not show is never marked
                    for (InsuranceCard.Field f : InsuranceCard.Field.values()) {
                        if (!vm.fields().contains(f)) {
                            InsuranceCard.Field before = vm.askedFieldProperty().get();
                            vm.ask(f);
                            assertThat(vm.askedFieldProperty().get()).as(as + ", " + f).isEqualTo(before);
                        }
                    }
                }
            }
        }

        @Test
        void aRefusalMarksTheWrongField() {
            CardViewModel vm = new CardViewModel(config().unions().get(0), session());
            vm.memberTypeProperty().set(MemberType.INSURED);
            vm.symbolProperty().set("91");
            vm.numberProperty().set("20A001");
            vm.ask(InsuranceCard.Field.SYMBOL);
            assertThat(goesOn(vm)).isFalse();
            assertThat(vm.askedFieldProperty().get()).isEqualTo(InsuranceCard.Field.NUMBER);
        }
    }

    @Nested
    class BasicInfo {
        final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));

        @Test
        void namesTheWrongCharacterAndTheRightEra() {
            KioskSession s = session();
            BasicInfoViewModel vm = new BasicInfoViewModel(s, clock);
            vm.kanaNameProperty().set("山田 たろう");
            vm.calendarProperty().set(Calendar.HEISEI);
            vm.yearProperty().set("31");
            vm.monthProperty().set("5");
            vm.dayProperty().set("1");
            assertThat(goesOn(vm)).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo(Message.of("kana.error.notKana", "山"));

            vm.kanaNameProperty().set("やまだ たろう");
            assertThat(goesOn(vm)).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo(Message.of("birth.error.outsideEra",
                    Message.of("era.heisei"), 31, 5, 1, Message.of("era.reiwa"), Message.of("era.firstYear")));
            assertThat(s.kanaName()).isNull();

            vm.calendarProperty().set(Calendar.REIWA);
            vm.yearProperty().set("1");
            assertThat(goesOn(vm)).isTrue();
            assertThat(vm.kanaNameProperty().get()).as("shown as stored").isEqualTo("ヤマダ　タロウ");
            assertThat(s.birthDate()).isEqualTo(LocalDate.of(2019, 5, 1));
        }

        @Test
        void westernYearAndComingBack() {
            KioskSession s = session();
            BasicInfoViewModel vm = new BasicInfoViewModel(s, clock);
            vm.kanaNameProperty().set("ケンコウ タロウ");
            vm.calendarProperty().set(Calendar.WESTERN);
            vm.yearProperty().set("1956");
            vm.monthProperty().set("4");
            vm.dayProperty().set("1");
            assertThat(goesOn(vm)).isTrue();
            BasicInfoViewModel again = new BasicInfoViewModel(s, clock);
            assertThat(again.calendarProperty().get()).isEqualTo(Calendar.SHOWA);
            assertThat(again.yearProperty().get()).isEqualTo("31");
        }
    }

    @Nested
    class Documents {
        @Test
        void choiceFollowsTheUnionAndTheBackQuestionTheDocument() {
            KioskConfig c = config();
            var union = c.unions().get(0);
            var restricted = new jp.kenpo.kiosk.core.config.UnionConfig(union.insurerNumber(), union.name(),
                    union.cardPattern(), union.normalization(),
                    java.util.List.of(jp.kenpo.kiosk.core.document.DocumentType.RESIDENCE_CARD,
                            jp.kenpo.kiosk.core.document.DocumentType.DRIVERS_LICENSE), true, null);
            KioskSession s = session();
            var vm = new jp.kenpo.kiosk.ui.document.DocumentChoiceViewModel(restricted, s);
            assertThat(vm.documents()).containsExactly(jp.kenpo.kiosk.core.document.DocumentType.DRIVERS_LICENSE,
                    jp.kenpo.kiosk.core.document.DocumentType.RESIDENCE_CARD);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> vm.choose(jp.kenpo.kiosk.core.document.DocumentType.MY_NUMBER_CARD))
                    .isInstanceOf(IllegalArgumentException.class);
            vm.choose(jp.kenpo.kiosk.core.document.DocumentType.RESIDENCE_CARD);
            var remarks = new jp.kenpo.kiosk.ui.document.RemarksViewModel(s);
            assertThat(remarks.questionKey()).isEqualTo("remarks.question.residence");
            remarks.answer(true);
            assertThat(s.facts().backHasEntries()).isTrue();

            s.document(jp.kenpo.kiosk.core.document.DocumentType.MY_NUMBER_CARD);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new jp.kenpo.kiosk.ui.document.RemarksViewModel(s))
                    .as("never a question about the My Number card's back").isInstanceOf(IllegalStateException.class);
            assertThat(jp.kenpo.kiosk.ui.document.DocumentChoiceViewModel.sidesKey(
                    jp.kenpo.kiosk.core.document.DocumentType.MY_NUMBER_CARD)).isEqualTo("document.sides.frontOnly");
        }
    }

    @Nested
    class ConfirmAndEligibility {
        @Test
        void summaryAndRosterOutcome() throws Exception {
            KioskConfig c = config();
            SqliteRosterRepository roster = new SqliteRosterRepository(Database.open(c.dataDir()));
            Path csv = dir.resolve("r.csv");
            Files.writeString(csv, "insurerNumber,symbol,number,branch,kanaName,birthDate\n"
                    + "01130012,91,200001,01,ケンコウ タロウ,1956-04-01\n");
            assertThat(new RosterCsvImporter(c, roster).importFile(csv).ok()).isTrue();

            KioskSession s = session();
            s.union(InsurerNumber.parse("01130012").value(), true);
            s.card("091", "200001", "01", MemberType.INSURED);
            s.person("ケンコウ　タロウ", LocalDate.of(1956, 4, 1));

            BasicConfirmViewModel confirm = new BasicConfirmViewModel(c.unions().get(0), s);
            assertThat(confirm.rows()).extracting(BasicConfirmViewModel.Row::labelKey).containsExactly(
                    "confirm.union", "confirm.insurerNumber", "confirm.symbol", "confirm.number", "confirm.branch",
                    "confirm.memberType", "confirm.name", "confirm.birthDate");

            Eligibility eligibility = new Eligibility(roster, c.roster().keyBytes());
            EligibilityViewModel vm = new EligibilityViewModel(eligibility, s, Runnable::run, Runnable::run);
            assertThat(vm.canAdvance().get()).isFalse();
            vm.check();
            assertThat(vm.stateProperty().get().outcome()).isEqualTo(Outcome.ELIGIBLE);
            assertThat(vm.canAdvance().get()).isTrue();

            s.person("ケンコウ　タロウ", LocalDate.of(1956, 4, 2));
            vm.check();
            assertThat(vm.stateProperty().get().outcome()).isEqualTo(Outcome.MISMATCH);
            assertThat(vm.canAdvance().get()).isFalse();
        }

        @Test
        void aRosterThatCannotBeReadIsSaidPlainly() {
            KioskSession s = session();
            s.union(InsurerNumber.parse("01130012").value(), true);
            s.card("091", "200001", "01", MemberType.INSURED);
            s.person("ケンコウ　タロウ", LocalDate.of(1956, 4, 1));
            Eligibility broken = new Eligibility(new jp.kenpo.kiosk.core.port.RosterRepository() {
                public java.util.Optional<jp.kenpo.kiosk.core.roster.RosterEntry> findByMatchKey(String k) {
                    throw new IllegalStateException("disk gone");
                }

                public boolean cardKnown(String k) {
                    return false;
                }

                public long count() {
                    return 0;
                }

                public void markUsedHere(String matchKey, String receiptNumber) {
                }

                public boolean usedHere(String matchKey) {
                    return false;
                }
            }, new byte[16]);
            EligibilityViewModel vm = new EligibilityViewModel(broken, s, Runnable::run, Runnable::run);
            vm.check();
            assertThat(vm.stateProperty().get().failed()).isTrue();
            assertThat(vm.canAdvance().get()).isFalse();
        }
    }
}
