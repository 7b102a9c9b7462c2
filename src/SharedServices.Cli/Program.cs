using SharedServices.Cli;

// sharedservices <command> …  — each command is a small class beside this file; Cli wires them and reports failures.
return await Cli.RunAsync(args, Console.Out, Console.Error);
