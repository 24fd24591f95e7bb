package app.detach.streak.settings;

/** Whether the zone days are counted in follows the user's device or stays at home while they travel. */
public enum ZoneMode {
    FOLLOW_CURRENT,
    PIN_HOME
}
