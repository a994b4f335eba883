"""The Dashboard screen: capacity by week, integrity and its parts, the bottleneck phase,
on-time rate, feedback and referrals."""
