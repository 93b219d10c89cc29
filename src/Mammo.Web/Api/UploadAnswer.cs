namespace Mammo.Web.Api;

/// <summary>POST /api/uploads: the id to predict on ("upload" in POST /api/predict), and the decoded image's size.</summary>
public sealed record UploadAnswer(string Id, string Name, int Width, int Height, string Image);
