// ScheduleShaker is preloaded (LD_PRELOAD) into a graded test process by
// the grader's shaken-schedule lane; nothing links against it. It has no
// API of its own: it interposes pthread_mutex_lock/unlock,
// pthread_cond_wait/timedwait/signal/broadcast, pthread_create and
// sched_yield, and is switched on by this environment variable (a seed,
// a decimal number). The grader's ShakenSchedule.swift names it too.
#define SCHEDULE_SHAKER_SEED_VARIABLE "WORKBOOK_SHAKE_SEED"
