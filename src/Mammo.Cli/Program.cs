namespace Mammo.Cli; public static class Program { public static int Main(string[] args) { return 0; } }
