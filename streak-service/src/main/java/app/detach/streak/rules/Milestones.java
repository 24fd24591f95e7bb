package app.detach.streak.rules;

import java.util.List;

/** The milestone days: 1, 3, 7, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365, then every 365. */
public final class Milestones {

    /** The fixed part of the schedule; after its last day, every further multiple of 365. */
    public static final List<Integer> FIRST = List.of(1, 3, 7, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365);

    private static final int YEAR = 365;

    private Milestones() {
    }

    /** Whether {@code day} is a milestone. */
    public static boolean isMilestone(int day) {
        return FIRST.contains(day) || (day > YEAR && day % YEAR == 0);
    }

    /** The first milestone strictly after {@code day} (day ≥ 0). */
    public static int nextAfter(int day) {
        if (day < 0) {
            return FIRST.get(0);
        }
        for (int milestone : FIRST) {
            if (milestone > day) {
                return milestone;
            }
        }
        return (day / YEAR + 1) * YEAR;
    }

    /** The first milestone on or after {@code day}. */
    public static int firstFrom(int day) {
        return isMilestone(day) ? day : nextAfter(day);
    }

    /** Every milestone from 1 up to and including {@code lastDay}, ascending. */
    public static List<Integer> upTo(int lastDay) {
        List<Integer> days = new java.util.ArrayList<>();
        for (int d = nextAfter(0); d <= lastDay; d = nextAfter(d)) {
            days.add(d);
        }
        return days;
    }
}
