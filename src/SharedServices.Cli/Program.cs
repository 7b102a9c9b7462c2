using System.CommandLine;
using SharedServices.Cli;

// sharedservices <verb> …  — each verb is a small class beside this file.
var root = new RootCommand("SharedServices from the terminal.");
root.Subcommands.Add(RegisterBenchmark.Command());
return await root.Parse(args).InvokeAsync();
