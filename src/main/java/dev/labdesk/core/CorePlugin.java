package dev.labdesk.core;

import dev.labdesk.action.kinds.HttpAction;
import dev.labdesk.action.kinds.ShellAction;
import dev.labdesk.check.kinds.CommandCheck;
import dev.labdesk.check.kinds.FileContainsCheck;
import dev.labdesk.check.kinds.FileDataCheck;
import dev.labdesk.check.kinds.FileExistsCheck;
import dev.labdesk.check.kinds.HttpCheck;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.kind.LabdeskPlugin;
import dev.labdesk.proc.BackgroundProcesses;

/** The kinds that need nothing but files and HTTP, and the environments labs may require. */
public final class CorePlugin implements LabdeskPlugin {

    @Override
    public void register(KindRegistry.Builder r) {
        r.check(new FileExistsCheck())
                .check(new FileContainsCheck())
                .check(new FileDataCheck("yaml"))
                .check(new FileDataCheck("json"))
                .check(new HttpCheck("get"))
                .check(new HttpCheck("post"))
                .check(new CommandCheck())
                .action(new HttpAction())
                .action(new ShellAction())
                .service(BackgroundProcesses.class, BackgroundProcesses::new);
        r.requires("docker", "a Docker engine (Docker Desktop, Rancher Desktop, colima, OrbStack or dockerd)")
                .requires("kubernetes", "a local Kubernetes cluster (kind, minikube, k3d, Docker Desktop...)")
                .requires("python", "Python 3 on the learner's machine")
                .requires("aws", "AWS credentials in the standard chain, or the LabDesk AI gateway")
                .requires("gcp", "Google Cloud credentials, or the LabDesk AI gateway")
                .requires("azure", "Azure AI credentials, or the LabDesk AI gateway")
                .requires("openai", "an OpenAI-compatible endpoint, local or remote")
                .requires("internet", "a network connection (the lab cannot be done offline)")
                .requires("shell", "runs commands on the learner's machine (the pack must be trusted)");
    }
}
