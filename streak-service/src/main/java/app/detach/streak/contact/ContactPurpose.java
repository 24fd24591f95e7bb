package app.detach.streak.contact;

/** Why a necessary contact happened (limited contact: co-parenting, work, paperwork). */
public enum ContactPurpose {
    CO_PARENTING,
    WORK,
    LEGAL,
    HOUSING,
    OTHER
}
