// department/list, simplelist, get, create, update, delete (wecom-api.md §2 Departments).
import { DeptCreateBody, DeptUpdateBody } from '../contact-schemas';
import { createDepartment, deleteDepartment, updateDepartment } from '../dept-ops';
import { CONTACT_ONLY, CONTACT_READERS, optionalQueryInt, parseBody, queryInt, type Route } from '../router';
import { ROOT_DEPT_ID } from '../sim-state';
import { deptJson, requireDept, visibleDepartments } from '../visibility';

export const departmentRoutes: Route[] = [
  {
    method: 'GET',
    path: 'department/list',
    allow: CONTACT_READERS,
    handle: (ctx) => ({ department: visibleDepartments(ctx.sim.state, ctx.caller, optionalQueryInt(ctx, 'id')).map(deptJson) }),
  },
  {
    method: 'GET',
    path: 'department/simplelist',
    allow: CONTACT_READERS,
    handle: (ctx) => ({
      department_id: visibleDepartments(ctx.sim.state, ctx.caller, optionalQueryInt(ctx, 'id')).map((d) => ({
        id: d.id,
        parentid: d.id === ROOT_DEPT_ID ? 0 : d.parentid,
        order: d.order,
      })),
    }),
  },
  {
    method: 'GET',
    path: 'department/get',
    allow: CONTACT_READERS,
    handle: (ctx) => ({ department: deptJson(requireDept(ctx.sim.state, ctx.caller, queryInt(ctx, 'id'))) }),
  },
  {
    method: 'POST',
    path: 'department/create',
    allow: CONTACT_ONLY,
    handle: (ctx) => {
      // Changes made through the API are not called back to the assistant that made them (§8).
      const { id } = createDepartment(ctx.sim.state, parseBody(ctx, DeptCreateBody));
      return { errmsg: 'created', id };
    },
  },
  {
    method: 'POST',
    path: 'department/update',
    allow: CONTACT_ONLY,
    handle: (ctx) => {
      updateDepartment(ctx.sim.state, parseBody(ctx, DeptUpdateBody));
      return { errmsg: 'updated' };
    },
  },
  {
    method: 'GET',
    path: 'department/delete',
    allow: CONTACT_ONLY,
    handle: (ctx) => {
      deleteDepartment(ctx.sim.state, queryInt(ctx, 'id'));
      return { errmsg: 'deleted' };
    },
  },
];
