package jp.kenpo.kiosk.capture;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Hands the newest of a producer's objects to a consumer without locks, copies or queues (a triple
 * buffer): the producer fills {@link #back()} and {@link #publish()}es it; the consumer
 * {@link #take()}s the newest published one. Anything the consumer did not take in time is
 * overwritten — frames are dropped, never queued — and the three objects are reused for ever.
 */
public final class NewestOnly<T> {

    private static final class Slot<T> {
        final T value;
        volatile boolean fresh;

        Slot(T value) {
            this.value = value;
        }
    }

    private final AtomicReference<Slot<T>> middle;
    private Slot<T> back;
    private Slot<T> front;

    public NewestOnly(Supplier<T> make) {
        back = new Slot<>(make.get());
        front = new Slot<>(make.get());
        middle = new AtomicReference<>(new Slot<>(make.get()));
    }

    /** The producer's object to fill. Producer thread only. */
    public T back() {
        return back.value;
    }

    /** Makes the filled object the newest. Producer thread only. */
    public void publish() {
        back.fresh = true;
        back = middle.getAndSet(back);
    }

    /** The newest published object not taken before, or {@code null}. Consumer thread only. */
    public T take() {
        if (!middle.get().fresh) {
            return null;
        }
        front.fresh = false;
        front = middle.getAndSet(front);
        front.fresh = false;
        return front.value;
    }
}
