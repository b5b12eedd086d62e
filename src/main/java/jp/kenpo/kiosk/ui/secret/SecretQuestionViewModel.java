package jp.kenpo.kiosk.ui.secret;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.account.SlowHash;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.step.StepGuard;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * 12. 秘密の質問: a preset question or the member's own (recommended, as the manuals say), and the
 * answer — case-sensitive, kept only as a slow salted hash (PBKDF2, made off the JavaFX thread) and
 * never shown again.
 */
public final class SecretQuestionViewModel implements StepViewModel {

    /** The preset questions' message keys; {@link #CUSTOM} is the member's own. */
    public static final List<String> PRESETS = List.of("secret.preset.pet", "secret.preset.school",
            "secret.preset.town", "secret.preset.food");
    public static final String CUSTOM = "secret.custom";
    public static final int MAX_QUESTION = 40;
    public static final int MAX_ANSWER = 30;

    private final KioskSession session;
    private final RandomSource random;
    private final Function<String, String> text;
    private final Executor background;
    private final Executor fx;

    private final ObjectProperty<String> choice = new SimpleObjectProperty<>(CUSTOM);
    private final StringProperty customQuestion = new SimpleStringProperty("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final ObjectProperty<Message> message = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canAdvance;
    /** A hash that arrives once the screen is gone or the session wiped changes nothing. */
    private final StepGuard guard;

    /**
     * @param text the question's text in the member's language, from its message key
     */
    public SecretQuestionViewModel(KioskSession session, RandomSource random, Function<String, String> text,
                                   Executor background, Executor fx) {
        this.session = session;
        this.random = random;
        this.text = text;
        this.background = background;
        this.fx = fx;
        this.guard = new StepGuard(session);
        canAdvance = Bindings.createBooleanBinding(() -> !busy.get() && !answer.get().isBlank()
                && (!CUSTOM.equals(choice.get()) || !customQuestion.get().isBlank()), busy, answer, choice, customQuestion);
        answer.addListener((o, was, now) -> message.set(null));
        customQuestion.addListener((o, was, now) -> message.set(null));
    }

    /** A message key for what is wrong, or {@code null}. */
    String problem() {
        String q = question();
        String a = answer.get();
        if (q.isBlank()) {
            return "secret.error.question";
        }
        if (q.strip().length() > MAX_QUESTION) {
            return "secret.error.questionLong";
        }
        if (a.isBlank()) {
            return "secret.error.answer";
        }
        if (a.length() > MAX_ANSWER) {
            return "secret.error.answerLong";
        }
        if (CUSTOM.equals(choice.get()) && a.strip().equals(q.strip())) {
            return "secret.error.answerIsQuestion";
        }
        return null;
    }

    private String question() {
        return CUSTOM.equals(choice.get()) ? customQuestion.get() : text.apply(choice.get());
    }

    /**
     * 次へ: checks the entries and hashes the answer in the background; {@code proceed} runs on the
     * JavaFX thread once the session holds the question and the hash — unless the step is no longer
     * live then. Returns at once.
     */
    @Override
    public void commit(Runnable proceed) {
        if (!guard.live()) {
            return;
        }
        String p = problem();
        if (p != null) {
            message.set(Message.of(p));
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        String q = question().strip();
        boolean custom = CUSTOM.equals(choice.get());
        char[] secret = answer.get().toCharArray();
        CompletableFuture.supplyAsync(() -> {
            try {
                return SlowHash.hash(secret, random);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        }, background).whenComplete(guard.deliver(fx, () -> busy.set(false), (hash, error) -> {
            if (error != null) {
                message.set(Message.of("error.unexpected"));
                return;
            }
            session.secretQuestion(q, custom, hash);
            answer.set("");
            proceed.run();
        }));
    }

    /** The screen is left: a hash still being made no longer changes the session or the screen. */
    @Override
    public void close() {
        guard.close();
    }

    public ObjectProperty<String> choiceProperty() {
        return choice;
    }

    public StringProperty customQuestionProperty() {
        return customQuestion;
    }

    public StringProperty answerProperty() {
        return answer;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** While the answer is hashed, 戻る, 中止, the language and the idle timeout wait. */
    @Override
    public ObservableBooleanValue busy() {
        return busy;
    }

    @Override
    public BooleanBinding canAdvance() {
        return canAdvance;
    }
}
