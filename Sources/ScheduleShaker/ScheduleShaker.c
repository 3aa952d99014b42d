// ScheduleShaker: preloaded (LD_PRELOAD) into a graded test process, it
// shakes the schedule. Around the pthread calls that NSLock, NSCondition
// and Thread make on Linux it now and then sleeps a few to a few hundred
// microseconds, or yields, so that a race window a few instructions wide
// stays open long enough for another thread to run into it: the noise
// injection of IBM's ConTest. A window the normal schedule hits in a few
// runs is hit in most.
//
// Off unless WORKBOOK_SHAKE_SEED holds a seed (see ScheduleShaker.h):
// then every call goes straight through. Each thread draws from its own
// generator, seeded from the seed and the thread's place in the tree of
// threads (the main thread; its k-th child; that child's j-th child …),
// so a seed replays the same decisions in each thread. It cannot replay
// the interleaving: the kernel still decides who runs.
//
// Not shaken: anything that waits without these calls, such as
// DispatchSemaphore and Synchronization.Mutex (futexes) or atomics.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "ScheduleShaker.h"

// MARK: - How hard to shake

/// Where a call is shaken.
enum site { BEFORE_LOCK, AFTER_UNLOCK, BEFORE_WAIT, AFTER_WAIT, BEFORE_SIGNAL, AFTER_SIGNAL,
            THREAD_START, AT_YIELD, SITES };

/// Out of 1024 calls at a site, how many sleep and how many yield. Chosen
/// by measuring which odds catch the course's timing mutants (README,
/// Grading) while the suites stay within their time limits: the windows
/// that matter are after an unlock (check-then-act), around a wake-up and
/// at a thread's start.
static const struct { unsigned sleep, yield; } odds[SITES] = {
    [BEFORE_LOCK]   = { 16, 64 },
    [AFTER_UNLOCK]  = { 32, 64 },
    [BEFORE_WAIT]   = { 32, 0 },
    [AFTER_WAIT]    = { 256, 256 },
    [BEFORE_SIGNAL] = { 32, 0 },
    [AFTER_SIGNAL]  = { 32, 64 },
    [THREAD_START]  = { 512, 256 },
    [AT_YIELD]      = { 64, 128 },
};

/// A sleep lasts from 2^k to 2^(k+1) microseconds, k drawn evenly from this
/// range (4 µs to half a millisecond): short ones let another core's thread
/// through a window, long ones let a thread that waits for this core run.
enum { SHORTEST_SLEEP_LOG2 = 2, LONGEST_SLEEP_LOG2 = 8 };

// MARK: - The real functions

static struct {
    int (*mutex_lock)(pthread_mutex_t *);
    int (*mutex_unlock)(pthread_mutex_t *);
    int (*cond_wait)(pthread_cond_t *, pthread_mutex_t *);
    int (*cond_timedwait)(pthread_cond_t *, pthread_mutex_t *, const struct timespec *);
    int (*cond_signal)(pthread_cond_t *);
    int (*cond_broadcast)(pthread_cond_t *);
    int (*create)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
} real;

/// Whether to shake, and the seed: read once, with the real functions.
static int enabled;
static uint64_t seed;

static pthread_once_t resolve_once = PTHREAD_ONCE_INIT;

/// Set while this thread looks the real functions up. initial-exec: a
/// preloaded library's thread-locals live in the static TLS block, so
/// reading one never allocates (dynamic TLS could call malloc, and so us).
static __thread int resolving __attribute__((tls_model("initial-exec")));

static void *lookup(const char *name) {
    // glibc keeps an old pthread_cond_* ABI beside the current one (2.3.2
    // on x86_64): ask for the current by its version rather than rely on
    // which one dlsym picks (older glibc picked the old). Platforms with a
    // single version have no 2.3.2: dlsym finds theirs.
    void *found = dlvsym(RTLD_NEXT, name, "GLIBC_2.3.2");
    return found ? found : dlsym(RTLD_NEXT, name);
}

static void resolve(void) {
    real.mutex_lock = lookup("pthread_mutex_lock");
    real.mutex_unlock = lookup("pthread_mutex_unlock");
    real.cond_wait = lookup("pthread_cond_wait");
    real.cond_timedwait = lookup("pthread_cond_timedwait");
    real.cond_signal = lookup("pthread_cond_signal");
    real.cond_broadcast = lookup("pthread_cond_broadcast");
    real.create = lookup("pthread_create");
    const char *text = getenv(SCHEDULE_SHAKER_SEED_VARIABLE);
    char *end = NULL;
    seed = text ? strtoull(text, &end, 10) : 0;
    enabled = text && *text && end && *end == '\0';
}

/// Whether `real` may be used. False only for a call made from inside the
/// lookup itself (dlsym allocating, an allocator taking its lock): that
/// can only be the first call into this library, and pthread_create is
/// one of ours, so no second thread exists yet. Such a call is answered
/// without the real function, as a single thread may be: a lock or an
/// unlock does nothing, a wait wakes at once (a spurious wake-up, which
/// every caller must allow), a thread cannot be made (EAGAIN).
static int resolved(void) {
    if (resolving) return 0;
    resolving = 1;
    pthread_once(&resolve_once, resolve);
    resolving = 0;
    return 1;
}

// MARK: - Each thread's generator

struct thread_state {
    uint64_t key;        // the thread's place in the tree of threads, hashed
    uint64_t generator;  // splitmix64's state
    uint64_t children;   // threads it has made
    int ready;
};

static __thread struct thread_state self __attribute__((tls_model("initial-exec")));

/// splitmix64 (Steele, Lea, Flood): one addition and a mix per number.
static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t next(struct thread_state *state) {
    state->generator += 0x9e3779b97f4a7c15ULL;
    return mix(state->generator);
}

/// This thread's state, or NULL when shaking is off. A thread not made
/// through pthread_create (the main thread) is the root of its tree.
static struct thread_state *current(void) {
    if (!enabled) return NULL;
    if (!self.ready) {
        static uint64_t strangers;   // threads this library did not start, other than main
        int main = getpid() == (pid_t)syscall(SYS_gettid);
        uint64_t place = main ? 0 : __atomic_add_fetch(&strangers, 1, __ATOMIC_RELAXED) << 32;
        self.key = mix(seed ^ mix(place));
        self.generator = self.key;
        self.ready = 1;
    }
    return &self;
}

// MARK: - Shaking

enum action { NOTHING, SLEEP, YIELD };

/// What this thread does at `site` this time; `draw` then sizes a sleep.
static enum action choose(enum site site, uint64_t *draw) {
    struct thread_state *state = current();
    if (!state) return NOTHING;
    *draw = next(state);
    unsigned roll = *draw & 1023;
    if (roll < odds[site].sleep) return SLEEP;
    if (roll < odds[site].sleep + odds[site].yield) return YIELD;
    return NOTHING;
}

/// Sleeps or yields, invisibly: the caller's errno is kept (a signal may
/// cut a sleep short), and the sleep is not a cancellation point (a thread
/// cancelled there would leave a lock or a wait half done).
static void perform(enum action action, uint64_t draw) {
    if (action == NOTHING) return;
    int saved_errno = errno;
    if (action == SLEEP) {
        unsigned span = LONGEST_SLEEP_LOG2 - SHORTEST_SLEEP_LOG2 + 1;
        unsigned exponent = SHORTEST_SLEEP_LOG2 + (unsigned)((draw >> 10) % span);
        long micros = (1L << exponent) + (long)((draw >> 20) % (1UL << exponent));
        struct timespec pause = { 0, micros * 1000 };
        int cancelling;
        pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &cancelling);
        nanosleep(&pause, NULL);   // an interrupted sleep is simply shorter
        pthread_setcancelstate(cancelling, NULL);
    } else {
        syscall(SYS_sched_yield);
    }
    errno = saved_errno;
}

static void shake(enum site site) {
    uint64_t draw = 0;
    perform(choose(site, &draw), draw);
}

/// After a wake-up (or a time-out), now and then let go of the mutex for a
/// moment before returning, as a woken thread that runs late finds it:
/// others may have taken the lock, changed the state and left (a thread
/// that barges in, a burst of signals meant for several waiters). The
/// mutex is held again on return, as the caller expects; nothing here is
/// beyond what the kernel may do to a woken thread anyway.
static int wake_late(pthread_mutex_t *mutex, int result) {
    if (result != 0 && result != ETIMEDOUT) return result;   // the caller may not hold the mutex
    uint64_t draw = 0;
    enum action action = choose(AFTER_WAIT, &draw);
    if (action == NOTHING) return result;
    real.mutex_unlock(mutex);
    perform(action, draw);
    real.mutex_lock(mutex);
    return result;
}

// MARK: - The interposed calls

int pthread_mutex_lock(pthread_mutex_t *mutex) {
    if (!resolved()) return 0;
    shake(BEFORE_LOCK);
    return real.mutex_lock(mutex);
}

int pthread_mutex_unlock(pthread_mutex_t *mutex) {
    if (!resolved()) return 0;
    int result = real.mutex_unlock(mutex);
    shake(AFTER_UNLOCK);
    return result;
}

int pthread_cond_wait(pthread_cond_t *condition, pthread_mutex_t *mutex) {
    if (!resolved()) return 0;
    shake(BEFORE_WAIT);
    return wake_late(mutex, real.cond_wait(condition, mutex));
}

int pthread_cond_timedwait(pthread_cond_t *condition, pthread_mutex_t *mutex, const struct timespec *limit) {
    if (!resolved()) return 0;
    shake(BEFORE_WAIT);
    return wake_late(mutex, real.cond_timedwait(condition, mutex, limit));
}

int pthread_cond_signal(pthread_cond_t *condition) {
    if (!resolved()) return 0;
    shake(BEFORE_SIGNAL);
    int result = real.cond_signal(condition);
    shake(AFTER_SIGNAL);
    return result;
}

int pthread_cond_broadcast(pthread_cond_t *condition) {
    if (!resolved()) return 0;
    shake(BEFORE_SIGNAL);
    int result = real.cond_broadcast(condition);
    shake(AFTER_SIGNAL);
    return result;
}

int sched_yield(void) {
    if (resolved()) shake(AT_YIELD);
    return (int)syscall(SYS_sched_yield);
}

/// What a new thread runs first: it takes its place in the tree, waits a
/// little (or not), then runs what it was made for.
struct start {
    void *(*routine)(void *);
    void *argument;
    uint64_t key;
};

static void *start_shaken(void *opaque) {
    struct start start = *(struct start *)opaque;
    free(opaque);
    self.key = start.key;
    self.generator = start.key;
    self.ready = 1;
    shake(THREAD_START);
    return start.routine(start.argument);
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attributes, void *(*routine)(void *), void *argument) {
    if (!resolved()) return EAGAIN;
    struct thread_state *parent = current();
    struct start *start = parent ? malloc(sizeof *start) : NULL;
    if (!start) return real.create(thread, attributes, routine, argument);
    parent->children += 1;
    *start = (struct start){ routine, argument, mix(parent->key ^ mix(parent->children)) };
    int result = real.create(thread, attributes, start_shaken, start);
    if (result != 0) free(start);
    return result;
}
