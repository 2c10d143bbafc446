# Sourced by the benches: a process's CPU time from /proc (user + system), which hardly depends on what else the
# machine runs, unlike calls per second.
# cpu_ticks PID: its CPU time so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# cpu_per_call PID TICKS_BEFORE CALLS: the CPU time it spent since TICKS_BEFORE, per call, in µs.
cpu_per_call() { echo "$(( ($(cpu_ticks "$1") - $2) * 1000000 / $(getconf CLK_TCK) / $3 )) µs"; }
