namespace Mammo.Web.Api;

/// <summary>Every failure the API reports: one sentence, never a stack trace.</summary>
public sealed record ApiError(string Error);
