package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThreadsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void everyIndexRunsExactlyOnce(int threads) {
        int count = 1000;
        AtomicInteger[] calls = new AtomicInteger[count];
        for (int i = 0; i < count; i++) {
            calls[i] = new AtomicInteger();
        }
        Threads.forEach(threads, count, i -> calls[i].incrementAndGet());
        int[] expected = new int[count];
        java.util.Arrays.fill(expected, 1);
        assertArrayEquals(expected, java.util.Arrays.stream(calls).mapToInt(AtomicInteger::get).toArray());
    }

    @Test
    void oneThreadStaysOnTheCallersThreadInOrder() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        StringBuilder order = new StringBuilder();
        Threads.forEach(1, 5, i -> {
            seen.add(Thread.currentThread());
            order.append(i);
        });
        assertEquals(Set.of(Thread.currentThread()), seen);
        assertEquals("01234", order.toString());
    }

    @Test
    void neverMoreThreadsThanAsked() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Threads.forEach(3, 300, i -> {
            seen.add(Thread.currentThread());
            busy();
        });
        assertTrue(seen.size() <= 3, seen.size() + " threads");
    }

    @Test
    void aFailureReachesTheCallerFromAHelperToo() {
        for (int threads : new int[] {1, 2, 4}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Threads.forEach(threads, 100,
                    i -> {
                        if (i == 57) {
                            throw new IllegalStateException("sample 57");
                        }
                    }));
            assertEquals("sample 57", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Threads.forEach(0, 10, i -> { }));
    }

    private static void busy() {
        double x = 0;
        for (int k = 0; k < 20_000; k++) {
            x += Math.sin(k);
        }
        if (x == 42) {
            throw new AssertionError();
        }
    }
}
