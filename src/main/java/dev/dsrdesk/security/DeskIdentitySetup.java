package dev.dsrdesk.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.dsrdesk.registry.Entity;
import dev.dsrdesk.registry.EntityRegistry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start and without touching what exists, the contract's groups, what each may do
 * in the engine, a Tasklist filter per group, and (when enabled) one demo user per group.
 * Entity groups see only tasks they are candidates for: the engine grants that per task.
 */
@Component
class DeskIdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeskIdentitySetup.class);
    private static final String ANY = Authorization.ANY;

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final EntityRegistry registry;
    private final DemoUserSettings demoUsers;

    DeskIdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                      TaskService tasks, EntityRegistry registry, DemoUserSettings demoUsers) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.registry = registry;
        this.demoUsers = demoUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        setUpOperators();
        setUpManagers();
        registry.entities().forEach(this::setUpEntity);
    }

    private void setUpOperators() {
        String group = DeskGroups.DPO;
        ensureGroup(group, "Privacy desk operators");
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
                // a job whose retries are spent (mail server down) is retried by an operator from Cockpit
                ProcessDefinitionPermissions.RETRY_JOB);
        grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB);
        grant(group, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        ensureFilter(group, "Privacy desk tasks", "Triage, identity checks and reviews", -10,
                tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().orderByDueDate().asc());
        ensureDemoUser("operator", "Olivia", "Operator", group);
        ensureDemoUser("reviewer", "Rafael", "Reviewer", group);
    }

    /** Managers watch in Cockpit: they read everything and complete nothing. */
    private void setUpManagers() {
        String group = DeskGroups.MANAGERS;
        ensureGroup(group, "Privacy managers");
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grant(group, Resources.TASK, ANY, TaskPermissions.READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        ensureDemoUser("manager", "Marta", "Manager", group);
    }

    private void setUpEntity(Entity entity) {
        String group = entity.candidateGroup();
        ensureGroup(group, entity.name());
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        ensureFilter(group, "Tasks of " + entity.name(), "Steps assigned to " + entity.name(), 0,
                tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().orderByDueDate().asc());
        ensureDemoUser(entity.id(), entity.name(), "(demo)", group);
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** Adds what is missing to the group's grant, so that an upgrade brings new permissions to an existing installation. */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private void ensureFilter(String group, String name, String description, int priority, TaskQuery query) {
        Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
            filter.setOwner("admin");
            filter.setQuery(query);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            filter.setProperties(properties);
            filter = filters.saveFilter(filter);
        }
        grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void ensureDemoUser(String id, String firstName, String lastName, String group) {
        if (!demoUsers.enabled()) {
            return;
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@staff.interactivemedia.example");
            user.setPassword(demoUsers.password());
            identity.saveUser(user);
            log.info("Created demo user '{}' in group '{}'", id, group);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }
}
