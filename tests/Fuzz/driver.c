// libFuzzer's side of a .NET fuzz run. libFuzzer cannot load managed code, so this program starts the
// harness (dotnet Hms.Fuzz.dll TARGET) once and hands it every input; SharpFuzz's Fuzzer.LibFuzzer.Run
// is the other end. The protocol, as SharpFuzz 2.x defines it:
//   - one System V shared memory segment: a 64 KiB branch map the instrumented code counts into,
//     followed by the input bytes;
//   - environment variables __LIBFUZZER_SHM_ID (the segment id), __LIBFUZZER_CONTROL_PIPE_ID and
//     __LIBFUZZER_STATUS_PIPE_ID (file descriptors of the two pipe ends the harness uses);
//   - the harness writes an int32 0 when it is ready; then, per input, we write its length (int32) on
//     the control pipe and it answers with an int32 status: 0 fine, 2 an exception escaped (it has
//     printed it on stderr and stops).
// After each input the branch map is copied into libFuzzer's extra counters, which is what makes the
// search coverage-guided. A crash in the harness becomes abort() here, so libFuzzer saves the input;
// a hang is caught by libFuzzer's own -timeout, and the harness dies with us (PR_SET_PDEATHSIG).
//
// Built by tests/Fuzz/fuzz.sh against Debian's libfuzzer-14-dev (libFuzzer.a supplies main).
// Configuration comes from the environment so libFuzzer's own flags stay untouched:
//   HMS_FUZZ_HARNESS  path of Hms.Fuzz.dll       HMS_FUZZ_TARGET  smt | infix | document
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

enum { MAP_SIZE = 1 << 16, MAX_INPUT = 1 << 20, STATUS_CRASH = 2 };

// libFuzzer finds this section by its start and stop symbols and treats each byte as a coverage counter.
__attribute__((used, section("__libfuzzer_extra_counters"))) static uint8_t extra_counters[MAP_SIZE];

static uint8_t *shared;
static int control_fd = -1;
static int status_fd = -1;
static pid_t harness = -1;

static void fail(const char *what) {
  fprintf(stderr, "hms fuzz driver: %s: %s\n", what, errno ? strerror(errno) : "unexpected end");
  exit(1);
}

static int write_all(int fd, const void *buffer, size_t length) {
  const char *p = buffer;
  while (length > 0) {
    ssize_t n = write(fd, p, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    p += n;
    length -= (size_t)n;
  }
  return 0;
}

static int read_all(int fd, void *buffer, size_t length) {
  char *p = buffer;
  while (length > 0) {
    ssize_t n = read(fd, p, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    p += n;
    length -= (size_t)n;
  }
  return 0;
}

static void start_harness(void) {
  const char *dll = getenv("HMS_FUZZ_HARNESS");
  const char *target = getenv("HMS_FUZZ_TARGET");
  if (!dll || !target) {
    fprintf(stderr, "hms fuzz driver: set HMS_FUZZ_HARNESS and HMS_FUZZ_TARGET (./hms fuzz does)\n");
    exit(2);
  }

  int segment = shmget(IPC_PRIVATE, MAP_SIZE + MAX_INPUT, IPC_CREAT | 0600);
  if (segment < 0) fail("shmget");
  shared = shmat(segment, NULL, 0);
  if (shared == (void *)-1) fail("shmat");

  int control[2], status[2];
  if (pipe(control) != 0 || pipe(status) != 0) fail("pipe");

  pid_t parent = getpid();
  harness = fork();
  if (harness < 0) fail("fork");
  if (harness == 0) {
    // The harness must not outlive a driver that libFuzzer ended on a timeout or a crash.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    close(control[1]);
    close(status[0]);
    char id[3][16];
    snprintf(id[0], sizeof id[0], "%d", segment);
    snprintf(id[1], sizeof id[1], "%d", control[0]);
    snprintf(id[2], sizeof id[2], "%d", status[1]);
    setenv("__LIBFUZZER_SHM_ID", id[0], 1);
    setenv("__LIBFUZZER_CONTROL_PIPE_ID", id[1], 1);
    setenv("__LIBFUZZER_STATUS_PIPE_ID", id[2], 1);
    execlp("dotnet", "dotnet", dll, target, (char *)NULL);
    perror("hms fuzz driver: exec dotnet");
    _exit(127);
  }

  close(control[0]);
  close(status[1]);
  control_fd = control[1];
  status_fd = status[0];
  signal(SIGPIPE, SIG_IGN);

  int32_t ready;
  errno = 0;
  if (read_all(status_fd, &ready, sizeof ready) != 0 || ready != 0) fail("the harness did not start");
  // Both processes are attached now; the segment goes away with the last of them.
  shmctl(segment, IPC_RMID, NULL);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  start_harness();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // Longer inputs are cut; ./hms fuzz passes -max_len well below this.
  int32_t length = size > MAX_INPUT ? MAX_INPUT : (int32_t)size;
  memset(shared, 0, MAP_SIZE);
  memcpy(shared + MAP_SIZE, data, (size_t)length);

  int32_t status;
  errno = 0;
  if (write_all(control_fd, &length, sizeof length) != 0 || read_all(status_fd, &status, sizeof status) != 0) {
    // The harness died under this input (a stack overflow, an out-of-memory kill...): a crash.
    int code = 0;
    waitpid(harness, &code, WNOHANG);
    fprintf(stderr, "hms fuzz driver: the harness died (wait status %d)\n", code);
    abort();
  }

  memcpy(extra_counters, shared, MAP_SIZE);
  if (status == STATUS_CRASH) {
    fprintf(stderr, "hms fuzz driver: an unexpected exception escaped the target (printed above)\n");
    abort();
  }
  return 0;
}
