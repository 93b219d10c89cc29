using Mammo.Imaging;

namespace Mammo.Web.Services;

/// <summary>An uploaded image: a random id, the name it came with, its pixels, and its PNG for the page.</summary>
public sealed record Upload(string Id, string Name, GrayImage Image, byte[] Png);
