"""Robustness: every fault of issue 11 and every bad input, each with its message and a
check that nothing stored was lost or duplicated; plus a bounded loopback load test."""
