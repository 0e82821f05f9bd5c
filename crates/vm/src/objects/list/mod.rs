//! `list` and `tuple`: their methods ([`methods`]) and `list.sort` / `sorted` ([`sort`]).

pub mod methods;
pub mod sort;
