// Everything Detach says in more than a word, in one place, in our own words.

export const CONTACT_KINDS = [
  {
    kind: 'I_CONTACTED',
    label: 'I reached out to them',
    help: 'A message, a call, a visit or a reply you started. This restarts your count.',
  },
  {
    kind: 'THEY_CONTACTED_REPLIED',
    label: 'They got in touch and I answered',
    help: 'They wrote or called and you replied. This restarts your count.',
  },
  {
    kind: 'THEY_CONTACTED_IGNORED',
    label: 'They got in touch and I did not answer',
    help: 'You let it pass. Your count keeps going — that took strength.',
  },
  {
    kind: 'SOCIAL_MEDIA_CHECK',
    label: 'I looked at their social media',
    help: 'A profile, a story, a photo. Whether this restarts your count is your choice in your setup.',
  },
  {
    kind: 'NECESSARY_CONTACT',
    label: 'Contact I could not avoid',
    help: 'Children, work, a shared home, paperwork. Logged for your record; your count keeps going.',
  },
];

// purposes of necessary contact (limited contact, streak-service ContactPurpose)
export const PURPOSES = [
  { purpose: 'CO_PARENTING', label: 'Co-parenting, the children' },
  { purpose: 'WORK', label: 'Work' },
  { purpose: 'LEGAL', label: 'Legal matters' },
  { purpose: 'HOUSING', label: 'Housing, a shared home' },
  { purpose: 'OTHER', label: 'Something else I had to deal with' },
];

export const purposeLabel = (purpose) => PURPOSES.find((p) => p.purpose === purpose)?.label || purpose;

export function CHECK_IN_WORDS(days) {
  if (days <= 1) return 'Checked in. One honest day, noticed and counted.';
  return `Checked in — ${days} days in a row now. Quietly keeping your word to yourself.`;
}

// the pause before texting: a short guide shown while the countdown runs
export const PAUSE_GUIDE = [
  'Breathe out slowly, longer than you breathe in. The wish to reach out is strongest right now and it will ease.',
  'Ask yourself what you hope their answer will give you — and whether there is another way to give that to yourself today.',
  'Your message is safe here. Nothing is lost by waiting ten minutes; you can still decide afterwards.',
  'If it helps, tell a friend how you feel instead, or read one of the guides below.',
];

export const KEPT_UNSENT_WORDS = 'You kept it unsent. The feeling was real, and you chose yourself anyway. It is counted as an urge you resisted.';

export const SENT_WORDS = 'Thank you for being honest. Sending it does not erase your progress; it is one moment, and you can begin again from here.';

export const kindLabel = (kind) => CONTACT_KINDS.find((k) => k.kind === kind)?.label || kind;

export const SLIP_WORDS = [
  'A slip does not undo the days behind you. They still happened, and so did everything you learned in them.',
  'Be as gentle with yourself as you would be with a friend. Tomorrow is a new first day, and you already know how to do this.',
];

export const KEPT_WORDS = 'Logged. Your count keeps going — noticing it and writing it down is part of healing.';

export const URGE_WORDS = [
  'You felt it and you let it pass. That is exactly how this gets easier.',
  'One more urge that did not decide for you. Well done.',
  'Urges rise and fall like waves. You just rode one out.',
];

// content-service stages (DESIGN: guides by stage)
export const STAGES = [
  { id: 'first-days', label: 'The first days' },
  { id: 'early', label: 'Early weeks' },
  { id: 'healing', label: 'Healing' },
  { id: 'growth', label: 'Growing again' },
  { id: 'if-they-reach-out', label: 'If they reach out' },
  { id: 'after-a-slip', label: 'After a slip' },
  { id: 'seeking-help', label: 'Getting support' },
];

export const stageLabel = (id) => STAGES.find((s) => s.id === id)?.label || id;

// journal-service emotion vocabulary
export const EMOTIONS = [
  'angry', 'anxious', 'ashamed', 'betrayed', 'calm', 'confused', 'content', 'determined', 'drained',
  'empty', 'free', 'frustrated', 'grateful', 'guilty', 'hopeful', 'hurt', 'jealous', 'lonely',
  'loved', 'nostalgic', 'numb', 'overwhelmed', 'proud', 'regretful', 'relieved', 'restless', 'sad',
  'scared', 'strong', 'tired',
];

export const MILESTONES = [1, 3, 7, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365];

/** The milestone before `next` (0 before the first one). */
export function previousMilestone(next) {
  if (!next || next <= 1) return 0;
  if (next > 365) return next - 365;
  const index = MILESTONES.indexOf(next);
  return index > 0 ? MILESTONES[index - 1] : 0;
}

export function dayWords(days) {
  if (days === 0) return 'Today is day zero — the first step counts.';
  if (days < 7) return 'The first days are the hardest. You are doing it.';
  if (days < 30) return 'Every day without contact gives your mind a little more room.';
  if (days < 90) return 'Look how far you have come. Keep going, gently.';
  return 'This is a long stretch of choosing yourself. Be proud of it.';
}

export const MOOD_WORDS = ['', 'very low', 'low', 'heavy', 'uneasy', 'so-so', 'okay', 'fairly good', 'good', 'very good', 'bright'];
export const URGE_LEVEL_WORDS = ['none', 'barely', 'faint', 'light', 'noticeable', 'medium', 'strong', 'very strong', 'intense', 'overwhelming', 'overwhelming'];
