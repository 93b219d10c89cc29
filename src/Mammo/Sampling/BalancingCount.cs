using Mammo.Data;

namespace Mammo.Sampling;

/// <summary>How many samples of one class × severity cell (severity null for normals) balancing kept.</summary>
public sealed record BalancingCount(AbnormalityClass Class, Severity? Severity, int Before, int After);
